package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.SandboxEdits.CART_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topics;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.PollerSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * Only changes on {@code cart-inventory}, and a {@code CartCycleCompleted} on each of its 6 partitions after every
 * applied cart snapshot. A context (and broker) of its own: the poller declares {@code cart-inventory} with 6
 * partitions here.
 */
@PollerKafkaTest
@TestPropertySource(properties = "productsync.kafka.partitions=" + CartCycleTest.PARTITIONS)
class CartCycleTest {

    static final int PARTITIONS = 6;
    private static final JsonSerde<CartCycleCompleted> FACTS = JsonSerde.of(CartCycleCompleted.class);
    private static final int SKUS = 12;

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SnapshotScheduler scheduler;

    String tenant;
    SourceId cart;
    TopicRecords<CartInventoryObserved> cartInventory;

    @BeforeEach
    void sandboxCart() throws IOException {
        tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);
        cart = SourceId.cart(new CartKey(tenant, "shop"));
        cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
        write("wms/wh.csv", "sku,available\n");
        write("carts/shop.csv", cartWith(Map.of()));
    }

    @AfterEach
    void closeTopic() {
        cartInventory.close();
    }

    @Test
    void anUnchangedCycleWritesNoSkuRecordAndOneFactPerPartitionAfterThatPartitionsChanges() {
        Map<Instant, List<ConsumerRecord<String, byte[]>>> cycles = awaitCycles(2);

        List<ConsumerRecord<String, byte[]>> skuRecords = skuRecords();
        assertThat(skuRecords).hasSize(SKUS);
        assertThat(skuRecords.stream().map(ConsumerRecord::key).distinct()).hasSize(SKUS);
        List<Instant> cycleTimes = List.copyOf(cycles.keySet());
        Instant first = cycleTimes.get(0);
        assertThat(skuRecords)
                .allSatisfy(record -> assertThat(record.timestamp()).isEqualTo(first.toEpochMilli()));
        assertThat(cycleTimes.subList(0, 2)).allSatisfy(cycleAt -> {
            List<ConsumerRecord<String, byte[]>> facts = cycles.get(cycleAt);
            assertThat(facts)
                    .extracting(ConsumerRecord::partition)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, PARTITIONS).boxed().toList());
            assertThat(facts).allSatisfy(fact -> {
                assertThat(fact.key()).isEqualTo(tenant + "/shop");
                assertThat(EventTypes.of(fact.headers())).isEqualTo(EventTypes.CART_CYCLE_COMPLETED);
                assertThat(fact.timestamp()).isEqualTo(cycleAt.toEpochMilli());
                // Each after the changes of its partition.
                assertThat(skuRecords)
                        .filteredOn(record -> record.partition() == fact.partition())
                        .allSatisfy(record -> assertThat(record.offset()).isLessThan(fact.offset()));
            });
        });
        CartCycleCompleted firstFact = fact(cycles.get(first).get(0));
        assertThat(firstFact)
                .extracting(
                        CartCycleCompleted::tenantId,
                        CartCycleCompleted::cartId,
                        CartCycleCompleted::skus,
                        CartCycleCompleted::published,
                        CartCycleCompleted::removed)
                .containsExactly(tenant, "shop", (long) SKUS, (long) SKUS, 0L);
        assertThat(firstFact.completedAt()).isAfterOrEqualTo(first);
        assertThat(fact(cycles.get(cycleTimes.get(1)).get(0)))
                .extracting(CartCycleCompleted::skus, CartCycleCompleted::published, CartCycleCompleted::removed)
                .containsExactly((long) SKUS, 0L, 0L);
    }

    @Test
    void publishesAChangedSkuOnceAndCountsItInThatCyclesFact() throws IOException {
        int before = awaitCycles(1).size();

        write("carts/shop.csv", cartWith(Map.of("SKU-3", 99L)));
        Map<Instant, List<ConsumerRecord<String, byte[]>>> cycles = awaitCycles(before + 3);

        List<ConsumerRecord<String, byte[]>> changed = skuRecords().stream()
                .filter(record -> record.key().equals(tenant + "/shop/SKU-3"))
                .toList();
        assertThat(changed).hasSize(2);
        assertThat(cartInventory.value(changed.get(1)).quantity()).isEqualTo(99);
        assertThat(skuRecords()).hasSize(SKUS + 1);
        Instant changedAt = cartInventory.value(changed.get(1)).observedAt();
        List<ConsumerRecord<String, byte[]>> facts = cycles.get(changedAt);
        assertThat(fact(facts.get(0)))
                .extracting(CartCycleCompleted::skus, CartCycleCompleted::published, CartCycleCompleted::removed)
                .containsExactly((long) SKUS, 1L, 0L);
        assertThat(facts)
                .filteredOn(fact -> fact.partition() == changed.get(1).partition())
                .singleElement()
                .satisfies(fact ->
                        assertThat(fact.offset()).isGreaterThan(changed.get(1).offset()));
        assertThat(cycles.values().stream().map(this::published)).containsOnly(SKUS, 1, 0);
    }

    @Test
    void writesNoFactForAHeldOrAnIncompleteSnapshot() throws IOException {
        awaitCycles(1);

        write("carts/shop.csv", CART_HEADER);
        SourceState.SnapshotCounts held = await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart), counts -> counts.held() >= 2);
        write("carts/shop.csv", "sku;quantity\n");
        SourceState.SnapshotCounts incomplete = await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart), counts -> counts.incomplete() >= held.incomplete() + 2);

        assertThat(incomplete.complete()).isEqualTo(held.complete()).isPositive();
        assertThat(cycles()).hasSize((int) incomplete.complete());
        assertThat(skuRecords()).hasSize(SKUS);
    }

    /** The cycle facts by cycleAt, in time order, once there are at least {@code count} cycles on every partition. */
    private Map<Instant, List<ConsumerRecord<String, byte[]>>> awaitCycles(int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        this::cycles,
                        cycles -> cycles.size() >= count
                                && cycles.values().stream().allMatch(facts -> facts.size() == PARTITIONS));
    }

    private Map<Instant, List<ConsumerRecord<String, byte[]>>> cycles() {
        return cartInventory.toEndWithKeyPrefix(tenant + "/shop").stream()
                .filter(record -> EventTypes.is(record.headers(), EventTypes.CART_CYCLE_COMPLETED))
                .collect(Collectors.groupingBy(record -> fact(record).cycleAt(), TreeMap::new, Collectors.toList()));
    }

    private List<ConsumerRecord<String, byte[]>> skuRecords() {
        return cartInventory.toEndWithKeyPrefix(tenant + "/shop/").stream()
                .filter(record -> EventTypes.of(record.headers()) == null)
                .toList();
    }

    private int published(List<ConsumerRecord<String, byte[]>> facts) {
        Set<Long> counts = facts.stream().map(fact -> fact(fact).published()).collect(Collectors.toSet());
        assertThat(counts).as("one fact, the same on every partition").hasSize(1);
        return counts.iterator().next().intValue();
    }

    private static CartCycleCompleted fact(ConsumerRecord<String, byte[]> record) {
        return FACTS.deserialize(record.topic(), record.value());
    }

    private static String cartWith(Map<String, Long> quantities) {
        StringBuilder csv = new StringBuilder(CART_HEADER);
        for (int i = 0; i < SKUS; i++) {
            String sku = "SKU-" + i;
            csv.append(sku)
                    .append(",true,true,")
                    .append(quantities.getOrDefault(sku, 5L))
                    .append('\n');
        }
        return csv.toString();
    }

    private void write(String relative, String content) throws IOException {
        SandboxEdits.write(settings.sandbox().dir().resolve(tenant), relative, content);
    }
}
