package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.SandboxEdits.CART_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.HoldReason;
import io.productsync.events.SkuPartitions;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.SourceKey;
import io.productsync.events.SourceKind;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@PollerKafkaTest
class SandboxSnapshotTest {

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SnapshotScheduler scheduler;

    @Autowired
    TopicSender sender;

    String tenant;
    TopicRecords<CartInventoryObserved> cartInventory;
    TopicRecords<WmsInventoryObserved> wmsInventory;
    TopicRecords<CartConnectionConfigured> connections;

    @BeforeEach
    void openTopics() {
        tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
        wmsInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.WMS_INVENTORY);
        connections = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_CONNECTIONS);
    }

    @AfterEach
    void closeTopics() {
        cartInventory.close();
        wmsInventory.close();
        connections.close();
    }

    @Test
    void publishesEveryItemWithTheSnapshotTimeAsObservedAtAndRecordTimestamp() throws IOException {
        Instant before = Instant.now();
        write("carts/shop.csv", CART_HEADER + "A,true,true,5\nB,no,yes,0\nC,1,1,7\n");
        write("wms/wh.csv", "sku,available\nA,9\n");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(keys(cartInventory.withKeyPrefix(tenant + "/")))
                        .contains(tenant + "/shop/A", tenant + "/shop/B", tenant + "/shop/C"));
        List<ConsumerRecord<String, byte[]>> records = cartInventory.withKeyPrefix(tenant + "/shop/");
        ConsumerRecord<String, byte[]> first = records.get(0);
        CartInventoryObserved observed = cartInventory.value(first);
        assertThat(first.timestamp()).isEqualTo(observed.observedAt().toEpochMilli());
        assertThat(observed.observedAt()).isAfterOrEqualTo(before.minusMillis(1));
        CartInventoryObserved b = records.stream()
                .filter(r -> r.key().endsWith("/B"))
                .map(cartInventory::value)
                .findFirst()
                .orElseThrow();
        assertThat(b)
                .extracting(
                        CartInventoryObserved::inventoryTracked,
                        CartInventoryObserved::productActive,
                        CartInventoryObserved::quantity)
                .containsExactly(false, true, 0L);
        // Pages of 2: C came on the second page of the same snapshot, with the same snapshot time.
        assertThat(records)
                .filteredOn(r -> r.key().endsWith("/C"))
                .first()
                .extracting(ConsumerRecord::timestamp)
                .isEqualTo(first.timestamp());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(wmsInventory.withKeyPrefix(tenant + "/wh/A")).isNotEmpty());
        ConsumerRecord<String, byte[]> wms =
                wmsInventory.withKeyPrefix(tenant + "/wh/A").get(0);
        assertThat(wmsInventory.value(wms).available()).isEqualTo(9);
        assertThat(wms.timestamp())
                .isEqualTo(wmsInventory.value(wms).observedAt().toEpochMilli());
    }

    @Test
    void writesACartSkuAndItsWmsSkuOnThePartitionOfTenantAndSku() throws IOException {
        List<String> skus = IntStream.range(0, 20).mapToObj("S%02d"::formatted).toList();
        write(
                "wms/wh.csv",
                "sku,available\n" + skus.stream().map(sku -> sku + ",9\n").collect(Collectors.joining()));
        write(
                "carts/shop.csv",
                CART_HEADER + skus.stream().map(sku -> sku + ",true,true,9\n").collect(Collectors.joining()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(cartInventory.withKeyPrefix(tenant + "/shop/")).hasSize(skus.size());
            assertThat(wmsInventory.withKeyPrefix(tenant + "/wh/")).hasSize(skus.size());
        });
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(cartInventory.withKeyPrefix(tenant + "/shop/"));
        records.addAll(wmsInventory.withKeyPrefix(tenant + "/wh/"));
        assertThat(records)
                .allSatisfy(record -> assertThat(record.partition())
                        .as(record.key())
                        .isEqualTo(SkuPartitions.ofKey(record.key(), 2)));
        // Not where Kafka's default partitioner puts the whole key, for some of them at least.
        assertThat(records)
                .anySatisfy(record -> assertThat(record.partition())
                        .isNotEqualTo(
                                Utils.toPositive(Utils.murmur2(record.key().getBytes(StandardCharsets.UTF_8))) % 2));
    }

    @Test
    void publishesACartSkuOnTwoRowsOnceWithItsListingsAndTheFirstRowsQuantity() throws IOException {
        write("wms/wh.csv", "sku,available\nA,9\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\nC,true,true,7\nA,true,true,8\n");

        awaitRecordFor(tenant + "/shop/A");
        awaitRecordFor(tenant + "/shop/B");
        List<CartInventoryObserved> a = cartInventory.withKeyPrefix(tenant + "/shop/A").stream()
                .map(cartInventory::value)
                .toList();
        assertThat(a).isNotEmpty().allSatisfy(observed -> {
            assertThat(observed.listings()).isEqualTo(2);
            assertThat(observed.quantity()).isEqualTo(5);
        });
        assertThat(cartInventory
                        .value(cartInventory.withKeyPrefix(tenant + "/shop/B").get(0))
                        .listings())
                .isEqualTo(1);
    }

    @Test
    void tombstonesASkuRemovedFromTheCsvAtOnceWhenItIsAQuarterOfTheCart() throws IOException {
        write("wms/wh.csv", "sku,available\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\nC,true,true,7\nD,true,true,8\n");
        awaitRecordFor(tenant + "/shop/B");

        write("carts/shop.csv", CART_HEADER + "A,true,true,5\nC,true,true,7\nD,true,true,8\n");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tombstones(tenant + "/shop/"))
                        .extracting(ConsumerRecord::key)
                        .containsExactly(tenant + "/shop/B"));
        ConsumerRecord<String, byte[]> tombstone = tombstones(tenant + "/shop/").get(0);
        assertThat(tombstone.timestamp()).isGreaterThan(lastObservationOf(tenant + "/shop/B"));
    }

    @Test
    void removesNothingWhileTheFileHasABrokenHeader() throws IOException {
        write("wms/wh.csv", "sku,available\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\nC,true,true,7\nD,true,true,8\n");
        awaitRecordFor(tenant + "/shop/B");
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));
        long incompleteBefore = scheduler.counts(cart).incomplete();

        write("carts/shop.csv", "sku;quantity\nA;5\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).incomplete() >= incompleteBefore + 2);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/"))
                .extracting(ConsumerRecord::key)
                .contains(tenant + "/shop/A", tenant + "/shop/B", tenant + "/shop/C", tenant + "/shop/D");
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/")).noneMatch(r -> r.value() == null);

        write("carts/shop.csv", CART_HEADER + "A,true,true,5\nC,true,true,7\nD,true,true,8\n");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tombstones(tenant + "/shop/"))
                        .extracting(ConsumerRecord::key)
                        .containsExactly(tenant + "/shop/B"));
        assertThat(tombstones(tenant + "/shop/").get(0).timestamp())
                .isGreaterThan(lastObservationOf(tenant + "/shop/B"));
    }

    @Test
    void picksUpATenantDirectoryCreatedAfterStartup() throws IOException {
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(connections.toEndWithKeyPrefix(tenant + "/")).isEmpty();

        write("wms/wh.csv", "sku,available\nA,1\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,1\n");

        awaitRecordFor(tenant + "/shop/A");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(connections.withKeyPrefix(tenant + "/shop")).isNotEmpty());
    }

    @Test
    void publishesEachConnectionOnceAndATombstoneOnceTheRemovalOfTheDeletedCartApplies() throws Exception {
        write("wms/b-wh.csv", "sku,available\n");
        write("wms/a-wh.csv", "sku,available\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,1\n");
        write("carts/Not_An_Id.csv", CART_HEADER + "A,true,true,1\n");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(connections.withKeyPrefix(tenant + "/")).isNotEmpty());
        CartConnectionConfigured connection =
                connections.value(connections.withKeyPrefix(tenant + "/").get(0));
        assertThat(connection)
                .extracting(
                        CartConnectionConfigured::cartId,
                        CartConnectionConfigured::wmsId,
                        CartConnectionConfigured::cartSyncEnabled,
                        CartConnectionConfigured::wmsSyncEnabled,
                        CartConnectionConfigured::pollInterval)
                .containsExactly("shop", "a-wh", true, true, Duration.ofMillis(200));
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 3);
        assertThat(connections.toEndWithKeyPrefix(tenant + "/"))
                .extracting(ConsumerRecord::key)
                .containsExactly(tenant + "/shop");

        Files.delete(dir().resolve("carts/shop.csv"));

        // A deleted file is an empty snapshot like any other: held, the cart still connected, until confirmed.
        SourceKey key = new SourceKey(tenant, SourceKind.CART, "shop");
        try (SnapshotHolds holds = new SnapshotHolds(broker.getBrokersAsString(), sender)) {
            SnapshotHeld held = holds.awaitHeld(key, 1);
            assertThat(held.reason()).isEqualTo(HoldReason.EMPTY_SNAPSHOT);
            assertThat(connections.toEndWithKeyPrefix(tenant + "/"))
                    .extracting(ConsumerRecord::key)
                    .containsExactly(tenant + "/shop");

            holds.confirm(held);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(connections.withKeyPrefix(tenant + "/"))
                            .hasSize(2)
                            .last()
                            .extracting(ConsumerRecord::value)
                            .isNull());
            holds.awaitEnded(key);
        }
        // Its rows left before the cart was disconnected.
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/"))
                .filteredOn(r -> r.value() == null)
                .extracting(ConsumerRecord::key)
                .containsExactly(tenant + "/shop/A");
    }

    private void awaitRecordFor(String key) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(keys(cartInventory.withKeyPrefix(key))).contains(key));
    }

    private List<ConsumerRecord<String, byte[]>> tombstones(String prefix) {
        return cartInventory.withKeyPrefix(prefix).stream()
                .filter(r -> r.value() == null)
                .toList();
    }

    private long lastObservationOf(String key) {
        return cartInventory.withKeyPrefix(key).stream()
                .filter(r -> r.value() != null)
                .mapToLong(ConsumerRecord::timestamp)
                .max()
                .orElseThrow();
    }

    private static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private Path dir() {
        return settings.sandbox().dir().resolve(tenant);
    }

    private void write(String relative, String content) throws IOException {
        SandboxEdits.write(dir(), relative, content);
    }
}
