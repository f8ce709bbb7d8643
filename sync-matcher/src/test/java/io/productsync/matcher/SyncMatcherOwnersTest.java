package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.AliasKind;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.SkuPartitions;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topic;
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
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Which task decides a cart SKU, on a real broker with 6 partitions: the one owning the WMS SKU it looks up. An aliased
 * SKU, written on the partition of its own name, is decided on the partition of its alias target; an alias change moves
 * it, and the WMS SKU it no longer looks up decides it no more; a record written on another partition (before the
 * inputs were partitioned by SKU) is decided by its owner.
 */
@EmbeddedKafka
class SyncMatcherOwnersTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PARTITIONS = 6;
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    @Test
    void aCartSkuIsDecidedWhereTheWmsSkuItLooksUpLives(EmbeddedKafkaBroker broker, @TempDir Path stateDir)
            throws Exception {
        // Three SKU names on three different partitions: the aliased cart SKU, and the two WMS SKUs it points to in
        // turn.
        List<String> names =
                IntStream.range(0, 100).mapToObj("sku-%02d"::formatted).toList();
        String aliased = names.get(0);
        String first = firstOn(names, Set.of(owner(aliased)));
        String second = firstOn(names, Set.of(owner(aliased), owner(first)));
        String misplaced = firstOn(names, Set.of(owner(aliased), owner(first), owner(second)));
        String bootstrap = broker.getBrokersAsString();
        TestKafka.declare(bootstrap, TestKafka.INPUTS, PARTITIONS);
        try (ConfigurableApplicationContext app = TestKafka.matcher(bootstrap, stateDir, PARTITIONS);
                KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = TestKafka.readCommitted(bootstrap)) {
            consumer.subscribe(List.of(Topics.SYNC_RESULTS.name(), Topics.CART_INVENTORY_PUSHES.name()));
            CartConnectionConfigured connection =
                    new CartConnectionConfigured("acme", "shop", "main", true, true, Duration.ofMinutes(5), T0);
            TestKafka.send(producer, Topics.CART_CONNECTIONS, connection.key().value(), connection);
            sendWms(producer, aliased, 3, T0);
            sendWms(producer, first, 7, T0);
            sendWms(producer, second, 9, T0);
            sendWms(producer, misplaced, 4, T0);
            alias(producer, aliased, first, T0);
            sendCart(producer, aliased, 7, T0.plusSeconds(1));
            // Written where Kafka's default partitioner puts the whole key, not on the partition of tenant/sku.
            CartInventoryObserved elsewhere = cart(misplaced, 4, T0.plusSeconds(1));
            int wrongPartition = (owner(misplaced) + 1) % PARTITIONS;
            producer.send(new ProducerRecord<>(
                    Topics.CART_INVENTORY.name(),
                    wrongPartition,
                    elsewhere.key().value(),
                    Topics.CART_INVENTORY.valueSerde().serializer().serialize("", elsewhere)));
            producer.flush();

            ConsumerRecord<String, byte[]> viaFirst = awaitRecord(consumer, Topics.SYNC_RESULTS, aliased, first);
            SkuSyncEvaluated verified = read(Topics.SYNC_RESULTS, viaFirst);
            assertThat(verified.outcome()).isEqualTo(SyncOutcome.VERIFIED);
            assertThat(verified.wmsQuantity()).isEqualTo(7);
            assertThat(viaFirst.partition()).isEqualTo(owner(first));
            ConsumerRecord<String, byte[]> rerouted = awaitRecord(consumer, Topics.SYNC_RESULTS, misplaced, misplaced);
            assertThat(read(Topics.SYNC_RESULTS, rerouted).outcome()).isEqualTo(SyncOutcome.VERIFIED);
            assertThat(rerouted.partition()).isEqualTo(owner(misplaced));

            // The alias now points to the second WMS SKU: its owner decides the cart SKU (a push to 9).
            alias(producer, aliased, second, T0.plusSeconds(2));
            producer.flush();
            ConsumerRecord<String, byte[]> viaSecond =
                    awaitRecord(consumer, Topics.CART_INVENTORY_PUSHES, aliased, second);
            assertThat(read(Topics.CART_INVENTORY_PUSHES, viaSecond).targetQuantity())
                    .isEqualTo(9);
            assertThat(viaSecond.partition()).isEqualTo(owner(second));
            int before = seen.size();

            // The first WMS SKU changes: its task no longer holds the cart SKU and decides nothing for it.
            sendWms(producer, first, 8, T0.plusSeconds(3));
            producer.flush();
            TestKafka.awaitConsumed(bootstrap, List.of(new TopicPartition(Topics.WMS_INVENTORY.name(), owner(first))));
            // The second changes to what the cart holds: VERIFIED by the second's task.
            sendWms(producer, second, 7, T0.plusSeconds(3));
            producer.flush();
            ConsumerRecord<String, byte[]> verifiedAgain = awaitRecord(consumer, Topics.SYNC_RESULTS, aliased, second);
            assertThat(read(Topics.SYNC_RESULTS, verifiedAgain).outcome()).isEqualTo(SyncOutcome.VERIFIED);
            drainToEnd(consumer);
            assertThat(seen.subList(before, seen.size()))
                    .filteredOn(record -> record.key().equals("acme/shop/" + aliased))
                    .extracting(record -> matchedWmsSku(record))
                    .isNotEmpty()
                    .containsOnly(second);
        }
    }

    private static int owner(String sku) {
        return SkuPartitions.of("acme", sku, PARTITIONS);
    }

    private static String firstOn(List<String> names, Set<Integer> notOn) {
        return names.stream()
                .filter(name -> !notOn.contains(owner(name)))
                .findFirst()
                .orElseThrow();
    }

    private static CartInventoryObserved cart(String sku, long quantity, Instant at) {
        return new CartInventoryObserved(UUID.randomUUID(), "acme", "shop", sku, true, true, quantity, at);
    }

    private static void sendCart(KafkaProducer<String, byte[]> producer, String sku, long quantity, Instant at) {
        CartInventoryObserved cart = cart(sku, quantity, at);
        TestKafka.send(producer, Topics.CART_INVENTORY, cart.key().value(), cart);
    }

    private static void sendWms(KafkaProducer<String, byte[]> producer, String sku, long available, Instant at) {
        WmsInventoryObserved wms = new WmsInventoryObserved(UUID.randomUUID(), "acme", "main", sku, available, at);
        TestKafka.send(producer, Topics.WMS_INVENTORY, wms.key().value(), wms);
    }

    private static void alias(KafkaProducer<String, byte[]> producer, String alias, String wmsSku, Instant at) {
        ProductAliasChanged changed = new ProductAliasChanged("acme", alias, wmsSku, AliasKind.SKU, at);
        TestKafka.send(producer, Topics.PRODUCT_ALIASES, changed.key().value(), changed);
    }

    /** The first record of the topic for the cart SKU that names this WMS SKU as its match. */
    private ConsumerRecord<String, byte[]> awaitRecord(
            KafkaConsumer<String, byte[]> consumer, Topic<String, ?> topic, String sku, String matchedWmsSku) {
        return await().atMost(PATIENCE)
                .pollInSameThread()
                .until(
                        () -> {
                            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                            return seen.stream()
                                    .filter(record -> record.topic().equals(topic.name())
                                            && record.key().equals("acme/shop/" + sku)
                                            && record.value() != null
                                            && matchedWmsSku.equals(matchedWmsSku(record)))
                                    .findFirst();
                        },
                        found -> found.isPresent())
                .orElseThrow();
    }

    private static String matchedWmsSku(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.CART_INVENTORY_PUSHES.name())) {
            return read(Topics.CART_INVENTORY_PUSHES, record).matchedWmsSku();
        }
        return read(Topics.SYNC_RESULTS, record).matchedWmsSku();
    }

    private static <V> V read(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    }

    /** Reads up to the last committed record of every partition assigned. */
    private void drainToEnd(KafkaConsumer<String, byte[]> consumer) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        await().atMost(PATIENCE).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
    }
}
