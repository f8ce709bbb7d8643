package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.AliasKind;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A load run by hand, not part of the suite: the matcher in the same JVM as its broker (as the launcher runs it),
 * fed {@code matcher.load.skus} matching cart and WMS SKUs; with {@code matcher.load.aliased-every} N, every Nth cart
 * SKU is aliased to a WMS SKU of another name (its aliases are sent, and read by the matcher, first), so the cost of an
 * aliased SKU sent on to the partition of its alias target shows. Extra matcher arguments, space separated, in
 * {@code matcher.load.args}. Then count the transaction errors in its output:
 *
 * <pre>
 * ./mvnw -q -B -pl sync-matcher test -Dtest=MatcherLoadRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmatcher.load.skus=200000 -Dmatcher.load.args="--spring.kafka.streams.properties.commit.interval.ms=100"
 * grep -c 'no existing state' sync-matcher/target/surefire-reports/io.productsync.matcher.MatcherLoadRun-output.txt
 * grep -c CONCURRENT_TRANSACTIONS sync-matcher/target/surefire-reports/io.productsync.matcher.MatcherLoadRun-output.txt
 * </pre>
 */
@EnabledIfSystemProperty(named = "matcher.load.skus", matches = "\\d+")
@EmbeddedKafka
class MatcherLoadRun {

    private static final Logger log = LoggerFactory.getLogger(MatcherLoadRun.class);
    private static final int PARTITIONS = 6;
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void evaluatesEverySkuOnce(EmbeddedKafkaBroker broker, @TempDir Path stateDir) throws Exception {
        int skus = Integer.getInteger("matcher.load.skus");
        int aliasedEvery = Integer.getInteger("matcher.load.aliased-every", 0);
        String bootstrap = broker.getBrokersAsString();
        TestKafka.declare(bootstrap, TestKafka.INPUTS, PARTITIONS);
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--productsync.kafka.partitions=" + PARTITIONS));
        String extra = System.getProperty("matcher.load.args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        log.info("LOAD: {} SKUs, every {} aliased (0: none), matcher args {}", skus, aliasedEvery, args);
        try (ConfigurableApplicationContext app =
                        SyncMatcherApplication.builder().run(args.toArray(String[]::new));
                KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = TestKafka.readCommitted(bootstrap)) {
            long started = System.nanoTime();
            CartConnectionConfigured connection =
                    new CartConnectionConfigured("acme", "shop", "main", true, true, Duration.ofMinutes(5), T0);
            TestKafka.send(producer, Topics.CART_CONNECTIONS, connection.key().value(), connection);
            if (aliasedEvery > 0) {
                for (int i = 0; i < skus; i += aliasedEvery) {
                    ProductAliasChanged alias = new ProductAliasChanged(
                            "acme", "sku-%07d".formatted(i), wmsSku(i, aliasedEvery), AliasKind.SKU, T0);
                    TestKafka.send(producer, Topics.PRODUCT_ALIASES, alias.key().value(), alias);
                }
                producer.flush();
                TestKafka.awaitConsumed(
                        bootstrap,
                        IntStream.range(0, PARTITIONS)
                                .mapToObj(p -> new TopicPartition(Topics.PRODUCT_ALIASES.name(), p))
                                .toList());
                log.info("LOAD: {} aliases read by the matcher", (skus + aliasedEvery - 1) / aliasedEvery);
            }
            for (int i = 0; i < skus; i++) {
                String sku = "sku-%07d".formatted(i);
                WmsInventoryObserved wms = new WmsInventoryObserved(
                        UUID.randomUUID(), "acme", "main", wmsSku(i, aliasedEvery), i % 50, T0);
                CartInventoryObserved cart = new CartInventoryObserved(
                        UUID.randomUUID(), "acme", "shop", sku, true, true, i % 50, T0.plusSeconds(1));
                TestKafka.send(producer, Topics.WMS_INVENTORY, wms.key().value(), wms);
                TestKafka.send(producer, Topics.CART_INVENTORY, cart.key().value(), cart);
            }
            producer.flush();
            log.info("LOAD: produced {} SKUs in {} s", skus, (System.nanoTime() - started) / 1_000_000_000);

            consumer.subscribe(List.of(Topics.SYNC_RESULTS.name()));
            long[] firstLoad = awaitEvery(consumer, skus, result -> result.outcome() == SyncOutcome.VERIFIED);
            long twice = firstLoad[1];
            log.info(
                    "LOAD: all {} SKUs VERIFIED after {} s; {} committed results; {} keys VERIFIED more than once",
                    skus,
                    (System.nanoTime() - started) / 1_000_000_000,
                    firstLoad[0],
                    twice);
            long written = writtenRecords(bootstrap);
            log.info(
                    "LOAD: stream threads used {} ms of CPU for {} input records: {} µs per input record",
                    streamThreadCpuNanos() / 1_000_000,
                    2L * skus + 1,
                    "%.1f".formatted(streamThreadCpuNanos() / 1_000.0 / (2L * skus + 1)));
            long inputs = 2L * skus + 1;
            log.info(
                    "LOAD: {} records written to Kafka (end offsets of every topic but the inputs, internal ones"
                            + " included, transaction markers included) for {} input records: {} per input record",
                    written,
                    inputs,
                    "%.2f".formatted((double) written / inputs));
            assertThat(twice).isZero();

            // A second cycle in which every cart SKU changed (a new observation), WMS unchanged: the cost of a change.
            long cpuBefore = streamThreadCpuNanos();
            long changesStarted = System.nanoTime();
            Instant changedAt = T0.plusSeconds(2);
            for (int i = 0; i < skus; i++) {
                CartInventoryObserved cart = new CartInventoryObserved(
                        UUID.randomUUID(), "acme", "shop", "sku-%07d".formatted(i), true, true, i % 50, changedAt);
                TestKafka.send(producer, Topics.CART_INVENTORY, cart.key().value(), cart);
            }
            producer.flush();
            awaitEvery(consumer, skus, result -> changedAt.equals(result.syncedAt()));
            log.info(
                    "LOAD: {} cart changes VERIFIED again after {} s; {} records written per change; {} µs of stream"
                            + " thread CPU per change",
                    skus,
                    (System.nanoTime() - changesStarted) / 1_000_000_000,
                    "%.2f".formatted((double) (writtenRecords(bootstrap) - written) / skus),
                    "%.1f".formatted((streamThreadCpuNanos() - cpuBefore) / 1_000.0 / skus));
            // What this run kept per SKU lived only while it awaited the results: the heap left is the matcher's and
            // the broker's.
            System.gc();
            log.info(
                    "LOAD: heap after a full GC {} MB with {} SKUs held (matcher and broker in this JVM)",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_000_000,
                    skus);
        }
    }

    /**
     * Reads sync-results until each of the {@code skus} keys has had a result that {@code counts}; returns the results
     * read and the keys that had more than one. What it keeps per key is gone when it returns.
     */
    private static long[] awaitEvery(
            KafkaConsumer<String, byte[]> consumer, int skus, Predicate<SkuSyncEvaluated> counts) {
        Map<String, Integer> seen = new HashMap<>();
        long[] read = {0};
        await().atMost(Duration.ofMinutes(40))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> {
                            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                                read[0]++;
                                SkuSyncEvaluated result = Topics.SYNC_RESULTS
                                        .valueSerde()
                                        .deserializer()
                                        .deserialize(record.topic(), record.value());
                                if (result != null && counts.test(result)) {
                                    seen.merge(record.key(), 1, Integer::sum);
                                }
                            });
                            return seen.size();
                        },
                        count -> count == skus);
        return new long[] {read[0], seen.values().stream().filter(n -> n > 1).count()};
    }

    /** CPU used so far by the matcher's stream threads: unlike wall time, barely moved by others on the machine. */
    private static long streamThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().contains("StreamThread"))
                .mapToLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId())))
                .sum();
    }

    /** Sum of the end offsets of every topic except the inputs and the broker's own (__) topics. */
    private static long writtenRecords(String bootstrap) throws Exception {
        try (Admin admin = TestKafka.admin(bootstrap)) {
            Set<String> inputs =
                    TestKafka.INPUTS.stream().map(topic -> topic.name()).collect(Collectors.toSet());
            Set<String> written = admin.listTopics().names().get().stream()
                    .filter(name -> !name.startsWith("__") && !inputs.contains(name))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(written)
                    .allTopicNames()
                    .get()
                    .values()
                    .forEach(topic -> topic.partitions()
                            .forEach(partition -> latest.put(
                                    new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<String, Long> perTopic = new TreeMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((partition, offset) -> perTopic.merge(partition.topic(), offset.offset(), Long::sum));
            log.info("LOAD: end offsets per topic {}", perTopic);
            return perTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The WMS SKU that cart SKU {@code i} looks up: its own name, or for an aliased one a name of the WMS's own. */
    private static String wmsSku(int i, int aliasedEvery) {
        return aliasedEvery > 0 && i % aliasedEvery == 0 ? "wms-%07d".formatted(i) : "sku-%07d".formatted(i);
    }
}
