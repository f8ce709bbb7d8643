package io.productsync.deploy;

import io.productsync.events.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * B3: an unchanged sandbox cart (and its WMS) of {@code size} SKUs, polled by the poller as a user's would be. After
 * the first cycle has converged and every service has caught up, the next cycle is timed from its own time (the
 * earliest Last Cart Sync Date it gives) until every VERIFIED SKU's date is at or after it, whichever way the
 * services move the dates; and the records it costs are counted on every topic, internal ones included.
 */
final class FullCycle {

    private static final Duration CONVERGE = Duration.ofMinutes(30);

    private final BenchSystem system;
    private final BenchKafka kafka;
    private final BenchProgress progress;
    private final BenchTable table;
    private final TableRows rows;

    FullCycle(BenchSystem system, BenchKafka kafka, BenchProgress progress, BenchTable table) {
        this.system = system;
        this.kafka = kafka;
        this.progress = progress;
        this.table = table;
        this.rows = new TableRows(system.jdbc());
    }

    /** Runs B3 on a cart whose files the poller has been reading since it started. */
    void run(BenchCatalog catalog) {
        String tenant = catalog.tenant();
        String cart = catalog.cart();
        long matched = catalog.matchedCount();
        AtomicLong verified = new AtomicLong();

        long loadStarted = System.nanoTime();
        if (!firstCycle("B3", catalog)) {
            table.notMeasured("B3", "full cycle of an unchanged cart", "<= 30 s", "the first cycle did not converge");
            return;
        }
        table.note(
                "B3 first cycle of the %,d-SKU cart (every SKU new): all VERIFIED after %.0f s from the poller's start"
                        .formatted(catalog.size(), (System.nanoTime() - loadStarted) / 1e9));

        Map<TopicPartition, Long> before = kafka.endOffsets();
        long kafkaBytes = BenchSystem.bytesUnder(system.kafkaLogDir());
        Instant watchFrom = Instant.now();
        progress.step(
                "B3 next cycle of the unchanged cart",
                () -> "%,d of %,d VERIFIED dates moved".formatted(verified.get(), matched));
        if (!waitFor(CONVERGE, () -> {
            verified.set(rows.count(tenant, cart, "outcome = 'VERIFIED' AND last_cart_sync_date >= ?", watchFrom));
            return verified.get() == matched;
        })) {
            table.notMeasured("B3", "full cycle of an unchanged cart", "<= 30 s", "the dates did not move in 30 min");
            return;
        }
        Instant done = Instant.now();
        Instant cycleAt = rows.earliestVerifiedSync(tenant, cart);
        settle();
        Map<String, Long> written = kafka.writtenSinceByTopic(before);
        long records = written.values().stream().mapToLong(Long::longValue).sum();
        long grown = BenchSystem.bytesUnder(system.kafkaLogDir()) - kafkaBytes;

        table.add(
                "B3",
                "full cycle of an unchanged %,d-SKU sandbox cart: cycle time -> every VERIFIED SKU's date moved"
                        .formatted(catalog.size()),
                "%.1f s".formatted(Duration.between(cycleAt, done).toMillis() / 1000.0),
                "",
                "",
                "<= 30 s at 1,000,000");
        table.add(
                "B3",
                "Kafka records written per unchanged cycle (all topics, internal and markers included)",
                "%,d".formatted(records),
                "0 SKUs changed",
                "%.1f per SKU".formatted(records / (double) catalog.size()),
                "in proportion to changes");
        table.add(
                "B6",
                "Kafka data directory growth per unchanged %,d-SKU cycle".formatted(catalog.size()),
                "%.1f MB".formatted(grown / 1e6),
                "",
                "",
                "flat over a day of 10 s polls");
        table.note("B3 records written by topic during the cycle: " + MatcherThroughput.largest(written));
        check(catalog, cycleAt);
    }

    /**
     * Waits until the cart's first cycle has made every row of the catalog what the rules give, then until every
     * service has caught up; false if that took more than {@link #CONVERGE}.
     */
    boolean firstCycle(String goal, BenchCatalog catalog) {
        AtomicLong verified = new AtomicLong();
        AtomicLong total = new AtomicLong();
        progress.step(
                goal + " first cycle (initial load)",
                () -> "%,d of %,d SKUs VERIFIED, %,d of %,d rows"
                        .formatted(verified.get(), catalog.matchedCount(), total.get(), catalog.size()));
        boolean converged = waitFor(CONVERGE, () -> {
            verified.set(rows.count(catalog.tenant(), catalog.cart(), "outcome = 'VERIFIED'", null));
            total.set(rows.count(catalog.tenant(), catalog.cart()));
            return verified.get() == catalog.matchedCount() && total.get() == catalog.size();
        });
        settle();
        return converged;
    }

    /** Until every service's consumer groups have read what was written (bounded: a figure, not a hang). */
    void settle() {
        progress.step("waiting for every service to catch up", () -> "");
        waitFor(Duration.ofMinutes(10), kafka::servicesCaughtUp);
    }

    private void check(BenchCatalog catalog, Instant cycleAt) {
        String differences =
                SyncRow.differences(rows.rows(catalog.tenant(), catalog.cart()), catalog.size(), catalog::expected);
        long moved = rows.count(
                catalog.tenant(), catalog.cart(), "outcome = 'VERIFIED' AND last_cart_sync_date >= ?", cycleAt);
        if (differences == null && moved != catalog.matchedCount()) {
            differences = "%,d VERIFIED rows with an older sync date".formatted(catalog.matchedCount() - moved);
        }
        table.note("B3 check: every row against the rules after the cycle: "
                + (differences == null
                        ? "all %,d as expected (%,d %s with the cycle's date)"
                                .formatted(catalog.size(), moved, SyncOutcome.VERIFIED)
                        : "FAILED: " + differences));
    }

    static boolean waitFor(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.briefly(250);
        }
        return true;
    }
}
