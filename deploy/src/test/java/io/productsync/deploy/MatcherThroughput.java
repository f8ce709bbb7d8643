package io.productsync.deploy;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.Topics;
import io.productsync.matcher.SyncMatcherApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * B1: the matcher's input records per second while busy, against {@link PassThroughApp} over the same records on the
 * same broker. Both start on a backlog of {@code size} cart and {@code size} WMS observations; busy is from the
 * group's first commit on the inputs to its last (the topics it reads back drained too).
 */
final class MatcherThroughput {

    private static final List<String> INPUTS = List.of(Topics.CART_INVENTORY.name(), Topics.WMS_INVENTORY.name());
    private static final Instant OBSERVED = Instant.parse("2026-11-27T09:00:00Z");

    private final BenchSystem system;
    private final BenchKafka kafka;
    private final BenchProgress progress;
    private final BenchTable table;

    MatcherThroughput(BenchSystem system, BenchKafka kafka, BenchProgress progress, BenchTable table) {
        this.system = system;
        this.kafka = kafka;
        this.progress = progress;
        this.table = table;
    }

    /** Runs B1 and returns the matcher, left running for the goals after it. */
    ProductSyncServices run(BenchCatalog catalog) {
        feed(catalog);
        long inputs = 2L * catalog.size();

        kafka.createTopic(PassThroughApp.OUTPUT, BenchSystem.PARTITIONS);
        Map<TopicPartition, Long> beforeBaseline = kafka.endOffsets();
        double baseline;
        try (PassThroughApp app = PassThroughApp.start(
                kafka.bootstrapServers(), INPUTS, system.matcherStateDir().resolveSibling("pass-through"))) {
            baseline = busyRate("B1 baseline: plain Streams pass-through", PassThroughApp.APPLICATION_ID, inputs);
        }
        long baselineWritten = kafka.writtenSince(beforeBaseline);

        Map<TopicPartition, Long> beforeMatcher = kafka.endOffsets();
        ProductSyncServices matcher = system.services(Set.of(ProductSyncServices.MATCHER), Duration.ofMinutes(10));
        double rate = busyRate("B1 matcher", SyncMatcherApplication.APPLICATION_ID, inputs);
        Map<String, Long> written = kafka.writtenSinceByTopic(beforeMatcher);
        long matcherWritten =
                written.values().stream().mapToLong(Long::longValue).sum();

        String what = "matcher, input records/s while busy (%,d cart + %,d WMS SKUs)"
                .formatted(catalog.size(), catalog.size());
        table.compare("B1", what, rate, baseline, "records/s", ">= 0.6x");
        table.compare(
                "B1",
                "records written to Kafka per input record (all topics, markers included)",
                matcherWritten / (double) inputs,
                baselineWritten / (double) inputs,
                "",
                "in proportion to changes");
        table.note("B1 records written by topic during the matcher's run: " + largest(written));
        checkResults(catalog);
        return matcher;
    }

    private void feed(BenchCatalog catalog) {
        AtomicLong sent = new AtomicLong();
        progress.step(
                "B1 feeding the inputs", () -> "%,d of %,d records sent".formatted(sent.get(), 2L * catalog.size()));
        CartConnectionConfigured connection = new CartConnectionConfigured(
                catalog.tenant(), catalog.cart(), catalog.wms(), true, true, Duration.ofMinutes(5), OBSERVED);
        kafka.send(Topics.CART_CONNECTIONS, connection.key().value(), connection);
        for (int i = 0; i < catalog.size(); i++) {
            var wms = catalog.wmsObservation(i, OBSERVED);
            var cart = catalog.cartObservation(i, OBSERVED.plusSeconds(1));
            kafka.send(Topics.WMS_INVENTORY, wms.key().value(), wms);
            kafka.send(Topics.CART_INVENTORY, cart.key().value(), cart);
            sent.addAndGet(2);
        }
        kafka.flush();
    }

    /** Input records per second from the group's first commit on the inputs until it has caught up. */
    private double busyRate(String step, String group, long inputs) {
        AtomicLong committed = new AtomicLong();
        progress.step(step, () -> "%,d of %,d input records committed".formatted(committed.get(), inputs));
        long base = kafka.committedOn(group, INPUTS);
        long first = 0;
        while (true) {
            long now = System.nanoTime();
            committed.set(kafka.committedOn(group, INPUTS) - base);
            if (first == 0 && committed.get() > 0) {
                first = now;
            }
            if (committed.get() >= inputs && kafka.caughtUp(group, INPUTS)) {
                double seconds = (now - first) / 1e9;
                progress.say("%s: %,d records in %.1f s busy".formatted(step, inputs, seconds));
                return inputs / seconds;
            }
            Pause.briefly(100);
        }
    }

    private void checkResults(BenchCatalog catalog) {
        progress.step("B1 checking sync-results", () -> "reading");
        String prefix = catalog.tenant() + "/" + catalog.cart() + "/";
        String differences = Pause.until(Duration.ofMinutes(3), () -> {
            Map<String, SyncRow> found = new java.util.HashMap<>();
            LatestValues.of(kafka.bootstrapServers(), Topics.SYNC_RESULTS, prefix)
                    .values()
                    .forEach(result -> found.put(result.sku(), SyncRow.of(result)));
            return SyncRow.differences(found, catalog.size(), catalog::expected);
        });
        table.note("B1 check: every SKU's latest sync-results record against the rules: "
                + (differences == null ? "all %,d as expected".formatted(catalog.size()) : "FAILED: " + differences));
    }

    static String largest(Map<String, Long> written) {
        return written.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> "%s %,d".formatted(e.getKey(), e.getValue()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
