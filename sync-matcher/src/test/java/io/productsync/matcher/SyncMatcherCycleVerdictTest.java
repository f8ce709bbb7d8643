package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.SkuPartitions;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Cycle verdicts on a real broker, 6 partitions, exactly_once_v2: a CartCycleCompleted written to every partition of
 * cart-inventory is answered by one CartCycleVerified per partition, on the same partition of sync-results, after the
 * results of the changes that partition carried before it.
 */
@EmbeddedKafka
class SyncMatcherCycleVerdictTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PARTITIONS = 6;
    private static final int SKUS = 60;
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant CYCLE = T0.plusSeconds(100);

    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    @Test
    void answersACycleOnEveryPartitionAfterThatPartitionsResults(EmbeddedKafkaBroker broker, @TempDir Path stateDir)
            throws Exception {
        String bootstrap = broker.getBrokersAsString();
        TestKafka.declare(bootstrap, TestKafka.INPUTS, PARTITIONS);
        try (ConfigurableApplicationContext app = TestKafka.matcher(bootstrap, stateDir, PARTITIONS);
                KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = TestKafka.readCommitted(bootstrap)) {
            consumer.subscribe(List.of(Topics.SYNC_RESULTS.name()));
            CartConnectionConfigured connection =
                    new CartConnectionConfigured("acme", "shop", "main", true, true, Duration.ofMinutes(5), T0);
            TestKafka.send(producer, Topics.CART_CONNECTIONS, connection.key().value(), connection);
            // Cycle 0: every WMS row at 10; a third of the cart SKUs differ (a push each), the rest VERIFIED.
            for (int i = 0; i < SKUS; i++) {
                WmsInventoryObserved wms = new WmsInventoryObserved(UUID.randomUUID(), "acme", "main", sku(i), 10, T0);
                TestKafka.send(producer, Topics.WMS_INVENTORY, wms.key().value(), wms);
                sendCart(producer, i, i % 3 == 0 ? 5 : 10, T0.plusSeconds(1));
            }
            producer.flush();
            await().atMost(PATIENCE)
                    .pollInSameThread()
                    .until(() -> verifiedKeys(consumer).size() == SKUS - SKUS / 3);

            // The next cycle's changes, then its end on every partition, without waiting: a third still differs with
            // its push pending (no output), a third is VERIFIED again, a third now differs (a new push).
            int before = seen.size();
            for (int i = 0; i < SKUS; i++) {
                sendCart(producer, i, i % 3 == 1 ? 10 : i % 3 == 0 ? 5 : 7, CYCLE);
            }
            CartCycleCompleted cycle = new CartCycleCompleted(
                    UUID.randomUUID(), "acme", "shop", CYCLE, SKUS, SKUS, 0, CYCLE.plusSeconds(2));
            byte[] cycleJson = JsonSerde.of(CartCycleCompleted.class).serialize(Topics.CART_INVENTORY.name(), cycle);
            for (int partition = 0; partition < PARTITIONS; partition++) {
                producer.send(new ProducerRecord<>(
                        Topics.CART_INVENTORY.name(),
                        partition,
                        cycle.key().value(),
                        cycleJson,
                        EventTypes.mark(new RecordHeaders(), EventTypes.CART_CYCLE_COMPLETED)));
            }
            producer.flush();

            await().atMost(PATIENCE)
                    .pollInSameThread()
                    .until(() -> verdicts(consumer).size() == PARTITIONS);
            List<ConsumerRecord<String, byte[]>> cycleRecords = seen.subList(before, seen.size());
            for (ConsumerRecord<String, byte[]> verdictRecord : verdicts(consumer)) {
                int partition = verdictRecord.partition();
                CartCycleVerified verdict =
                        JsonSerde.of(CartCycleVerified.class).deserialize(verdictRecord.topic(), verdictRecord.value());
                assertThat(verdict.partition()).isEqualTo(partition);
                assertThat(verdict.cycleAt()).isEqualTo(CYCLE);
                assertThat(verdict.unverifiedSkus())
                        .containsExactlyInAnyOrderElementsOf(skusOn(partition, i -> i % 3 != 1));
                List<ConsumerRecord<String, byte[]>> results = cycleRecords.stream()
                        .filter(record -> record.partition() == partition && !isVerdict(record))
                        .toList();
                assertThat(results)
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(skusOn(partition, i -> i % 3 == 1).stream()
                                .map(sku -> "acme/shop/" + sku)
                                .toList());
                assertThat(results)
                        .allSatisfy(result -> assertThat(result.offset()).isLessThan(verdictRecord.offset()));
            }
            assertThat(verdicts(consumer))
                    .extracting(ConsumerRecord::partition)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, PARTITIONS).boxed().toList());
        }
    }

    private static void sendCart(KafkaProducer<String, byte[]> producer, int i, long quantity, Instant at) {
        CartInventoryObserved cart =
                new CartInventoryObserved(UUID.randomUUID(), "acme", "shop", sku(i), true, true, quantity, at);
        TestKafka.send(producer, Topics.CART_INVENTORY, cart.key().value(), cart);
    }

    private static String sku(int i) {
        return "sku-%02d".formatted(i);
    }

    /** The SKUs among those chosen that this partition owns: the partition of tenant/sku. */
    private static Set<String> skusOn(int partition, java.util.function.IntPredicate chosen) {
        return IntStream.range(0, SKUS)
                .filter(chosen)
                .mapToObj(SyncMatcherCycleVerdictTest::sku)
                .filter(sku -> SkuPartitions.of("acme", sku, PARTITIONS) == partition)
                .collect(Collectors.toSet());
    }

    private Map<String, SkuSyncEvaluated> verifiedKeys(KafkaConsumer<String, byte[]> consumer) {
        drain(consumer);
        return seen.stream()
                .filter(record -> !isVerdict(record))
                .map(record ->
                        Topics.SYNC_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value()))
                .filter(result -> result != null && result.syncedAt() != null)
                .collect(Collectors.toMap(result -> result.key().value(), result -> result, (first, second) -> second));
    }

    private List<ConsumerRecord<String, byte[]>> verdicts(KafkaConsumer<String, byte[]> consumer) {
        drain(consumer);
        return seen.stream().filter(SyncMatcherCycleVerdictTest::isVerdict).toList();
    }

    private static boolean isVerdict(ConsumerRecord<String, byte[]> record) {
        return EventTypes.is(record.headers(), EventTypes.CART_CYCLE_VERIFIED);
    }

    private void drain(KafkaConsumer<String, byte[]> consumer) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    }
}
