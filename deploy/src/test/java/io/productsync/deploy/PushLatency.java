package io.productsync.deploy;

import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * B4: WMS changes at a steady rate, each a new quantity for one SKU of a converged sandbox cart, put on wms-inventory
 * as a WMS connector's webhook would publish them (the sandbox WMS is polled once an hour, so no poll of its file
 * takes them back during the run). Timed from each send: until its push is on cart-inventory-pushes (a
 * read_committed consumer) and until its row in the table holds the new quantity as synced.
 */
final class PushLatency {

    private static final long NEW_QUANTITY = 1_000;

    private final BenchSystem system;
    private final BenchKafka kafka;
    private final BenchProgress progress;
    private final BenchTable table;

    PushLatency(BenchSystem system, BenchKafka kafka, BenchProgress progress, BenchTable table) {
        this.system = system;
        this.kafka = kafka;
        this.progress = progress;
        this.table = table;
    }

    /** On a converged cart whose WMS is not polled during the run (its files set an interval of an hour). */
    void run(BenchCatalog catalog, int perSecond, int seconds) throws Exception {
        int changes = (int) Math.min((long) perSecond * seconds, catalog.matchedCount());
        int[] changed = new int[changes];
        for (int i = 0, n = 0; n < changes; i++) {
            if (catalog.matched(i)) {
                changed[n++] = i;
            }
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> pushedAfter = new ConcurrentHashMap<>();
        Map<String, Long> syncedAfter = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        progress.step(
                "B4 %,d WMS changes at %,d/s".formatted(changes, perSecond),
                () -> "%,d sent, %,d pushed, %,d synced in the table"
                        .formatted(sent.get(), pushedAfter.size(), syncedAfter.size()));
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread pushes = new Thread(() -> watchPushes(catalog, sentAt, pushedAfter, watching), "bench-push-watch");
        Thread rows = new Thread(() -> watchTable(catalog, sentAt, syncedAfter, watching), "bench-table-watch");
        pushes.start();
        rows.start();
        Pause.briefly(2_000); // the push watcher is positioned at the end before the first change

        Instant observedFrom = Instant.now();
        long started = System.nanoTime();
        for (int n = 0; n < changes; n++) {
            long due = started + n * 1_000_000_000L / perSecond;
            while (System.nanoTime() < due) {
                Pause.briefly(1);
            }
            int i = changed[n];
            WmsInventoryObserved change = new WmsInventoryObserved(
                    UUID.randomUUID(),
                    catalog.tenant(),
                    catalog.wms(),
                    catalog.wmsSku(i),
                    NEW_QUANTITY + i,
                    observedFrom.plusNanos(System.nanoTime() - started));
            sentAt.put(catalog.sku(i), System.nanoTime());
            kafka.send(Topics.WMS_INVENTORY, change.key().value(), change);
            sent.incrementAndGet();
            if (n % perSecond == perSecond - 1) {
                kafka.flush();
            }
        }
        kafka.flush();
        FullCycle.waitFor(Duration.ofMinutes(5), () -> pushedAfter.size() == changes && syncedAfter.size() == changes);
        watching.set(false);
        pushes.join();
        rows.join();

        // One change per SKU: a cart smaller than rate x seconds makes a shorter burst, and the label says so.
        String what = " (%,d WMS changes at %,d/s, %.1f s, %,d-SKU sandbox cart)"
                .formatted(changes, perSecond, changes / (double) perSecond, catalog.size());
        table.add(
                "B4",
                "WMS change -> push on cart-inventory-pushes" + what,
                percentiles(pushedAfter, changes),
                "",
                "",
                "p99 <= 300 ms at 5,000/s");
        table.add(
                "B4",
                "WMS change -> synced in the table (UPDATED, then VERIFIED)" + what,
                percentiles(syncedAfter, changes),
                "",
                "",
                "p99 <= 1 s at 5,000/s");
        check(catalog, changed);
    }

    private static boolean changedBy(int[] changed, int upTo, int sku) {
        return java.util.Arrays.binarySearch(changed, 0, upTo + 1, sku) >= 0;
    }

    private static String percentiles(Map<String, Long> latencies, int expected) {
        Latencies all = new Latencies(latencies.size());
        latencies.values().forEach(all::add);
        if (latencies.isEmpty()) {
            return "none of %,d within 5 min".formatted(expected);
        }
        return "p50 %s ms, p99 %s ms%s"
                .formatted(
                        BenchTable.number(all.percentileMillis(50)),
                        BenchTable.number(all.percentileMillis(99)),
                        latencies.size() == expected
                                ? ""
                                : " (%,d of %,d within 5 min)".formatted(latencies.size(), expected));
    }

    private void watchPushes(
            BenchCatalog catalog, Map<String, Long> sentAt, Map<String, Long> seen, AtomicBoolean watching) {
        String prefix = catalog.tenant() + "/" + catalog.cart() + "/";
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CART_INVENTORY_PUSHES.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (watching.get()) {
                consumer.poll(Duration.ofMillis(20)).forEach(record -> {
                    long now = System.nanoTime();
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        String sku = record.key().substring(prefix.length());
                        Long sent = sentAt.get(sku);
                        if (sent != null) {
                            seen.putIfAbsent(sku, now - sent);
                        }
                    }
                });
            }
        }
    }

    private void watchTable(
            BenchCatalog catalog, Map<String, Long> sentAt, Map<String, Long> seen, AtomicBoolean watching) {
        try (Connection connection = system.jdbc();
                PreparedStatement synced = connection.prepareStatement("SELECT sku FROM product_sync"
                        + " WHERE tenant_id = ? AND cart_id = ? AND outcome IN ('UPDATED', 'VERIFIED')"
                        + " AND wms_quantity >= ?")) {
            synced.setString(1, catalog.tenant());
            synced.setString(2, catalog.cart());
            synced.setLong(3, NEW_QUANTITY);
            while (watching.get()) {
                long now = System.nanoTime();
                try (ResultSet rows = synced.executeQuery()) {
                    while (rows.next()) {
                        String sku = rows.getString(1);
                        Long sent = sentAt.get(sku);
                        if (sent != null) {
                            seen.putIfAbsent(sku, now - sent);
                        }
                    }
                }
                Pause.briefly(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(BenchCatalog catalog, int[] changed) {
        String differences;
        try (TableRows rows = new TableRows(system.jdbc())) {
            differences = Pause.until(
                    Duration.ofMinutes(2),
                    () -> SyncRow.differences(rows.rows(catalog.tenant(), catalog.cart()), catalog.size(), i -> {
                        if (changedBy(changed, changed.length - 1, i)) {
                            long quantity = NEW_QUANTITY + i;
                            return new SyncRow(catalog.sku(i), SyncOutcome.VERIFIED, null, quantity, quantity);
                        }
                        return catalog.expected(i);
                    }));
        }
        table.note("B4 check: every row after the changes (changed SKUs VERIFIED at the new quantity): "
                + (differences == null ? "all %,d as expected".formatted(catalog.size()) : "FAILED: " + differences));
    }
}
