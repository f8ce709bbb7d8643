package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.SandboxEdits.CART_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.HoldReason;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.Topics;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The live keys kept on disk: across a restart, from a keys file of an earlier version, and when a cart goes away. */
@PollerKafkaTest
class LiveKeysSnapshotTest {

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SnapshotScheduler scheduler;

    @Autowired
    LiveKeyFiles files;

    @Autowired
    LiveKeyStore store;

    @Autowired
    HoldFiles holdFiles;

    @Autowired
    TopicSender sender;

    String tenant;
    SourceId cart;
    TopicRecords<CartInventoryObserved> cartInventory;

    @BeforeEach
    void openTopic() {
        tenant = "k-" + UUID.randomUUID().toString().substring(0, 8);
        cart = SourceId.cart(new CartKey(tenant, "shop"));
        cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
    }

    @AfterEach
    void closeTopic() {
        cartInventory.close();
    }

    @Test
    void tombstonesASkuRemovedWhileThePollerWasDown(@TempDir Path sandbox, @TempDir Path state) throws IOException {
        write(sandbox, "wms/wh.csv", "sku,available\n");
        write(sandbox, "carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\nC,true,true,7\nD,true,true,8\n");
        try (ConfigurableApplicationContext first = startPoller(sandbox, state)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            first.getBean(SnapshotScheduler.class).counts(cart).complete() >= 1);
        }

        write(sandbox, "carts/shop.csv", CART_HEADER + "A,true,true,5\nC,true,true,7\nD,true,true,8\n");

        try (ConfigurableApplicationContext second = startPoller(sandbox, state)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(tombstones())
                            .extracting(ConsumerRecord::key)
                            .contains(tenant + "/shop/B"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            second.getBean(SnapshotScheduler.class).counts(cart).complete() >= 2);
        }
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/"))
                .filteredOn(r -> r.value() == null)
                .extracting(ConsumerRecord::key)
                .containsExactly(tenant + "/shop/B");
    }

    @Test
    void republishesNothingUnchangedAfterARestartAndEverythingOnceAfterAKeysFileWithoutFingerprints(
            @TempDir Path sandbox, @TempDir Path state) throws IOException {
        write(sandbox, "wms/wh.csv", "sku,available\n");
        write(sandbox, "carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\n");
        runUntilTwoCompleteSnapshots(sandbox, state);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/")).hasSize(2);

        runUntilTwoCompleteSnapshots(sandbox, state);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/"))
                .as("nothing changed")
                .hasSize(2);

        // A keys file as a poller before fingerprints wrote it is taken over: every fingerprint unknown, so published
        // once more, and the file is gone.
        Path keys = new LiveKeyFiles(state).file(cart);
        Files.write(keys, List.of(tenant + "/shop/A", tenant + "/shop/B"));
        runUntilTwoCompleteSnapshots(sandbox, state);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/"))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(
                        tenant + "/shop/A", tenant + "/shop/B", tenant + "/shop/A", tenant + "/shop/B");
        assertThat(keys).doesNotExist();
    }

    private void runUntilTwoCompleteSnapshots(Path sandbox, Path state) {
        try (ConfigurableApplicationContext poller = startPoller(sandbox, state)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            poller.getBean(SnapshotScheduler.class).counts(cart).complete() >= 2);
        }
    }

    @Test
    void removesNothingAfterACorruptKeysFileAndCarriesOn() throws IOException {
        Files.createDirectories(files.file(cart).getParent());
        // A key that looks live, then bytes that are not UTF-8: the whole file is refused, OLD included.
        String oldThenLatin1 = tenant + "/shop/OLD\n" + tenant + "/shop/\u00ff\n";
        Files.write(files.file(cart), oldThenLatin1.getBytes(StandardCharsets.ISO_8859_1));
        write(sandboxDir(), "wms/wh.csv", "sku,available\n");
        write(
                sandboxDir(),
                "carts/shop.csv",
                CART_HEADER + "A,true,true,5\nB,true,true,6\nC,true,true,7\nD,true,true,8\n");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 2);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/"))
                .extracting(ConsumerRecord::key)
                .contains(tenant + "/shop/A", tenant + "/shop/B", tenant + "/shop/C", tenant + "/shop/D");
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/")).noneMatch(r -> r.value() == null);
        assertThat(store.of(cart).keys())
                .containsOnly(tenant + "/shop/A", tenant + "/shop/B", tenant + "/shop/C", tenant + "/shop/D");
        assertThat(files.file(cart)).doesNotExist();

        write(sandboxDir(), "carts/shop.csv", CART_HEADER + "A,true,true,5\nC,true,true,7\nD,true,true,8\n");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(tombstones()).extracting(ConsumerRecord::key).containsExactly(tenant + "/shop/B"));
    }

    @Test
    void holdsTheRemovalOfADeletedCartFileAndOnConfirmationTombstonesEveryKeyAndForgetsThem() throws Exception {
        write(sandboxDir(), "wms/wh.csv", "sku,available\n");
        write(sandboxDir(), "carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 1);
        assertThat(store.of(cart).keys()).containsOnly(tenant + "/shop/A", tenant + "/shop/B");

        Files.delete(sandboxDir().resolve(tenant).resolve("carts/shop.csv"));

        try (SnapshotHolds holds = new SnapshotHolds(broker.getBrokersAsString(), sender)) {
            SnapshotHeld held = holds.awaitHeld(cart.key(), 2);
            assertThat(held)
                    .extracting(SnapshotHeld::reason, SnapshotHeld::liveSkus, SnapshotHeld::missingSkus)
                    .containsExactly(HoldReason.EMPTY_SNAPSHOT, 2L, 2L);
            assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/"))
                    .extracting(ConsumerRecord::key)
                    .contains(tenant + "/shop/A", tenant + "/shop/B");
            assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/")).noneMatch(r -> r.value() == null);
            assertThat(store.of(cart).keys()).containsOnly(tenant + "/shop/A", tenant + "/shop/B");
            assertThat(holdFiles.holdFile(cart)).exists();

            holds.confirm(held);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(tombstones())
                            .extracting(ConsumerRecord::key)
                            .containsExactlyInAnyOrder(tenant + "/shop/A", tenant + "/shop/B"));
            holds.awaitEnded(cart.key());
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.of(cart).keys()).isEmpty());
        assertThat(holdFiles.holdFile(cart)).doesNotExist();
    }

    private List<ConsumerRecord<String, byte[]>> tombstones() {
        return cartInventory.withKeyPrefix(tenant + "/").stream()
                .filter(r -> r.value() == null)
                .toList();
    }

    private ConfigurableApplicationContext startPoller(Path sandbox, Path state) {
        return SeparatePoller.start(broker.getBrokersAsString(), sandbox, state, "200ms");
    }

    private Path sandboxDir() {
        return settings.sandbox().dir();
    }

    private void write(Path sandbox, String relative, String content) throws IOException {
        SandboxEdits.write(sandbox.resolve(tenant), relative, content);
    }
}
