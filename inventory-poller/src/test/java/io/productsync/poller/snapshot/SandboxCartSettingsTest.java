package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.SandboxEdits.CART_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.SourceKey;
import io.productsync.events.SourceKind;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The optional {@code carts/<cart>.properties} of the sandbox, seen on {@code cart-connections}. */
@PollerKafkaTest
class SandboxCartSettingsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SnapshotScheduler scheduler;

    @Autowired
    TopicSender sender;

    String tenant;
    TopicRecords<CartConnectionConfigured> connections;
    TopicRecords<WmsInventoryObserved> wmsInventory;

    @BeforeEach
    void openTopics() {
        tenant = "s-" + UUID.randomUUID().toString().substring(0, 8);
        connections = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_CONNECTIONS);
        wmsInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.WMS_INVENTORY);
    }

    @AfterEach
    void closeTopics() {
        connections.close();
        wmsInventory.close();
    }

    @Test
    void publishesCartSyncOffWhenTheFileSaysSoAndDefaultsAgainWhenItIsRemoved() throws IOException {
        write("wms/wh.csv", "sku,available\nA,1\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,1\n");
        awaitConnections(1);
        assertThat(lastConnection())
                .extracting(CartConnectionConfigured::cartSyncEnabled, CartConnectionConfigured::wmsSyncEnabled)
                .containsExactly(true, true);

        write("carts/shop.properties", "# try SYNC_DISABLED\ncart-sync=off\n");

        awaitConnections(2);
        assertThat(lastConnection())
                .extracting(
                        CartConnectionConfigured::wmsId,
                        CartConnectionConfigured::cartSyncEnabled,
                        CartConnectionConfigured::wmsSyncEnabled,
                        CartConnectionConfigured::pollInterval)
                .containsExactly("wh", false, true, Duration.ofMillis(200));

        Files.delete(dir().resolve("carts/shop.properties"));

        awaitConnections(3);
        assertThat(lastConnection())
                .extracting(CartConnectionConfigured::cartSyncEnabled, CartConnectionConfigured::wmsSyncEnabled)
                .containsExactly(true, true);
    }

    @Test
    void switchesTheFeedingWmsAndPollIntervalToThoseTheFileNames() throws Exception {
        write("wms/first.csv", "sku,available\nA,1\n");
        write("wms/second.csv", "sku,available\nA,2\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,1\n");
        awaitConnections(1);
        assertThat(lastConnection().wmsId()).isEqualTo("first");
        await().atMost(WAIT)
                .until(() -> !wmsInventory.withKeyPrefix(tenant + "/first/").isEmpty());
        assertThat(wmsInventory.toEndWithKeyPrefix(tenant + "/second/")).isEmpty();

        write("carts/shop.properties", "wms=second\npoll-interval=5m\n");

        awaitConnections(2);
        assertThat(lastConnection())
                .extracting(
                        CartConnectionConfigured::wmsId,
                        CartConnectionConfigured::cartSyncEnabled,
                        CartConnectionConfigured::pollInterval)
                .containsExactly("second", true, Duration.ofMinutes(5));
        // The newly feeding WMS is polled; the one no cart uses any more has its records tombstoned.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(wmsInventory.withKeyPrefix(tenant + "/second/A"))
                        .extracting(wmsInventory::value)
                        .extracting(WmsInventoryObserved::available)
                        .containsExactly(2L));
        // The WMS no cart uses any more lists nothing now: a removal like any other, held until confirmed.
        try (SnapshotHolds holds = new SnapshotHolds(broker.getBrokersAsString(), sender)) {
            holds.confirm(holds.awaitHeld(new SourceKey(tenant, SourceKind.WMS, "first"), 1));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(wmsInventory.withKeyPrefix(tenant + "/first/A"))
                            .last()
                            .extracting(ConsumerRecord::value)
                            .isNull());
        }
    }

    @Test
    void keepsThePublishedConnectionWhileTheFileIsBad() throws IOException {
        write("wms/wh.csv", "sku,available\n");
        // The settings first: a cycle between the two writes would otherwise connect the cart with sync on first.
        write("carts/shop.properties", "cart-sync=off\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,1\n");
        awaitConnections(1);
        assertThat(lastConnection().cartSyncEnabled()).isFalse();

        write("carts/shop.properties", "cart-sync=maybe\n");
        awaitMoreCompleteSnapshots(2);
        write("carts/shop.properties", "wms=elsewhere\n");
        awaitMoreCompleteSnapshots(2);
        write("carts/shop.properties", "cart_sync=on\n");
        awaitMoreCompleteSnapshots(2);

        assertThat(connections.toEndWithKeyPrefix(tenant + "/")).hasSize(1);
        assertThat(lastConnection().cartSyncEnabled()).isFalse();
    }

    @Test
    void connectsACartWhoseFirstSettingsFileIsBadOnlyOnceTheFileIsFixed() throws IOException {
        write("wms/wh.csv", "sku,available\n");
        write("carts/ok.csv", CART_HEADER + "A,true,true,1\n");
        write("carts/shop.properties", "cart-sync=of\n");
        write("carts/shop.csv", CART_HEADER + "A,true,true,1\n");
        await().atMost(WAIT)
                .until(() -> scheduler
                                .counts(SourceId.cart(new CartKey(tenant, "ok")))
                                .complete()
                        >= 3);
        assertThat(connections.toEndWithKeyPrefix(tenant + "/"))
                .extracting(ConsumerRecord::key)
                .containsExactly(tenant + "/ok");
        assertThat(scheduler.counts(SourceId.cart(new CartKey(tenant, "shop"))).complete())
                .isZero();

        write("carts/shop.properties", "cart-sync=off\n");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(connections.withKeyPrefix(tenant + "/shop"))
                        .extracting(connections::value)
                        .extracting(CartConnectionConfigured::cartSyncEnabled)
                        .containsExactly(false));
    }

    private void awaitMoreCompleteSnapshots(int more) {
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));
        long before = scheduler.counts(cart).complete();
        await().atMost(WAIT).until(() -> scheduler.counts(cart).complete() >= before + more);
    }

    private void awaitConnections(int count) {
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(connections.withKeyPrefix(tenant + "/shop")).hasSize(count));
    }

    private CartConnectionConfigured lastConnection() {
        List<ConsumerRecord<String, byte[]>> records = connections.withKeyPrefix(tenant + "/shop");
        return connections.value(records.get(records.size() - 1));
    }

    private Path dir() {
        return settings.sandbox().dir().resolve(tenant);
    }

    private void write(String relative, String content) throws IOException {
        SandboxEdits.write(dir(), relative, content);
    }
}
