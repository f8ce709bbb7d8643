package io.productsync.deploy;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * B6, Kafka's disk over many cycles: an unchanged sandbox cart polled every second, with time compressed for the log
 * cleaner: every topic that rolls its segments hourly ({@link Topic#SEGMENT}: all the services' own topics and the
 * matcher's changelogs) rolls every {@code segment} instead, so that compaction does within a minute what it does within
 * hours in production. Topics that keep the broker's own settings (its offsets, transactions and metadata logs) are
 * not touched, and are reported apart. The services' log segments are measured after each cycle: the cleaner makes
 * them a sawtooth, and flat means its peaks in the last third of the run are no higher than in the middle third.
 */
final class DiskOverCycles {

    private static final Duration CYCLE_WAIT = Duration.ofMinutes(2);

    private final BenchSystem system;
    private final BenchKafka kafka;
    private final BenchProgress progress;
    private final BenchTable table;

    DiskOverCycles(BenchSystem system, BenchKafka kafka, BenchProgress progress, BenchTable table) {
        this.system = system;
        this.kafka = kafka;
        this.progress = progress;
        this.table = table;
    }

    /** Runs {@code cycles} unchanged cycles of a cart whose first cycle has converged, polled every second. */
    void run(BenchCatalog catalog, int cycles, Duration segment) {
        List<String> compressed = kafka.rollSegments(Topic.SEGMENT, segment);
        TopicPartition facts = new TopicPartition(Topics.CART_INVENTORY.name(), 0);
        AtomicLong done = new AtomicLong();
        progress.step(
                "B6 unchanged cycles of the %,d-SKU cart, segments rolled every %d s"
                        .formatted(catalog.size(), segment.toSeconds()),
                () -> "%,d of %,d cycles, Kafka data %.1f MB"
                        .formatted(done.get(), cycles, BenchSystem.bytesUnder(system.kafkaLogDir()) / 1e6));

        Map<String, Long> atStart = bytesByTopic();
        Map<TopicPartition, Long> offsetsAtStart = kafka.endOffsets();
        // The services' log bytes after each cycle: the cleaner's sawtooth, whose peaks must not climb.
        long[] after = new long[cycles];
        // A cycle's one record on partition 0 of cart-inventory is its fact: nothing else changes there.
        long factsBefore = kafka.endOffsets(List.of(facts.topic())).get(facts);
        long lastProgress = System.nanoTime();
        while (done.get() < cycles) {
            long count =
                    Math.min(cycles, kafka.endOffsets(List.of(facts.topic())).get(facts) - factsBefore);
            if (count != done.get()) {
                long bytes = sum(bytesByTopic(), compressed);
                for (long cycle = done.get(); cycle < count; cycle++) {
                    after[(int) cycle] = bytes;
                }
                done.set(count);
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > CYCLE_WAIT.toNanos()) {
                table.notMeasured("B6", "Kafka disk over many unchanged cycles", "flat", "no cycle for 2 minutes");
                return;
            }
            Pause.briefly(200);
        }
        Map<String, Long> atEnd = bytesByTopic();
        Map<String, Long> writtenByTopic = kafka.writtenSinceByTopic(offsetsAtStart);
        long written =
                writtenByTopic.values().stream().mapToLong(Long::longValue).sum();
        long middlePeak = peak(after, cycles / 3, 2 * cycles / 3);
        long lastPeak = peak(after, 2 * cycles / 3, cycles);

        String what = "Kafka disk over %,d unchanged cycles of a %,d-SKU cart (1 s polls, the services' segments rolled"
                + " every %d s instead of hourly): their log segments' largest size in the last third, the middle third";
        table.add(
                "B6",
                what.formatted(cycles, catalog.size(), segment.toSeconds()),
                "%.2f MB".formatted(lastPeak / 1e6),
                "%.2f MB".formatted(middlePeak / 1e6),
                BenchTable.ratio(lastPeak, middlePeak),
                "flat over a day of 10 s polls");
        table.note(
                ("B6 over the %,d cycles: %,d records written (%.0f per cycle: %s); the services' log segments %.2f MB"
                                + " before, %.2f MB after the first third (the cleaner also compacts what earlier goals"
                                + " superseded), %.2f MB at the end; the broker's own logs (offsets, transactions, metadata;"
                                + " segments not compressed) grew %.2f MB; by topic, start -> end: %s")
                        .formatted(
                                cycles,
                                written,
                                written / (double) cycles,
                                MatcherThroughput.largest(writtenByTopic),
                                sum(atStart, compressed) / 1e6,
                                after[cycles / 3] / 1e6,
                                sum(atEnd, compressed) / 1e6,
                                (sumOthers(atEnd, compressed) - sumOthers(atStart, compressed)) / 1e6,
                                changes(atStart, atEnd, compressed)));
    }

    private static long peak(long[] values, int from, int to) {
        return Arrays.stream(values, from, to).max().orElse(0);
    }

    /**
     * Bytes of log segments per topic (its partitions together): the records. Index files are left out: each active
     * segment's are preallocated (10 MB each by default) and trimmed to what they hold when it rolls.
     */
    private Map<String, Long> bytesByTopic() {
        try (Stream<Path> partitions = Files.list(system.kafkaLogDir())) {
            return partitions
                    .filter(Files::isDirectory)
                    .collect(Collectors.groupingBy(
                            dir -> dir.getFileName().toString().replaceFirst("-\\d+$", ""),
                            TreeMap::new,
                            Collectors.summingLong(dir -> BenchSystem.bytesUnder(dir, ".log"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sum(Map<String, Long> bytes, List<String> topics) {
        return topics.stream().mapToLong(topic -> bytes.getOrDefault(topic, 0L)).sum();
    }

    private static long sumOthers(Map<String, Long> bytes, List<String> topics) {
        return bytes.entrySet().stream()
                .filter(e -> !topics.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static String changes(Map<String, Long> start, Map<String, Long> end, List<String> topics) {
        return topics.stream()
                .filter(topic -> !start.getOrDefault(topic, 0L).equals(end.getOrDefault(topic, 0L)))
                .map(topic -> "%s %.2f -> %.2f MB"
                        .formatted(topic, start.getOrDefault(topic, 0L) / 1e6, end.getOrDefault(topic, 0L) / 1e6))
                .collect(Collectors.joining(", "));
    }
}
