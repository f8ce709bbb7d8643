package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.SandboxEdits.CART_HEADER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.DeadLetters;
import io.productsync.events.HoldReason;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.Topics;
import io.productsync.poller.FakeConnectors;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The removal guard seen from Kafka: damaged snapshots held, their holds reported, confirmed, and ended. */
@PollerKafkaTest
class RemovalGuardSnapshotTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FOUR_SKUS =
            CART_HEADER + "A,true,true,5\nB,true,true,6\nC,true,true,7\nD,true,true,8\n";

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SnapshotScheduler scheduler;

    @Autowired
    FakeConnectors fakes;

    @Autowired
    HoldFiles holdFiles;

    @Autowired
    TopicSender sender;

    @Autowired
    KafkaTemplate<String, byte[]> rawTemplate;

    String tenant;
    SourceId cart;
    TopicRecords<CartInventoryObserved> cartInventory;
    SnapshotHolds holds;

    @BeforeEach
    void openTopics() {
        tenant = "g-" + UUID.randomUUID().toString().substring(0, 8);
        cart = SourceId.cart(new CartKey(tenant, "shop"));
        cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
        holds = new SnapshotHolds(broker.getBrokersAsString(), sender);
    }

    @AfterEach
    void closeTopics() {
        cartInventory.close();
        holds.close();
    }

    @Test
    void holdsACartFileCutToItsHeaderAndEndsTheHoldWhenTheFileIsBack() throws IOException {
        write("wms/wh.csv", "sku,available\n");
        write("carts/shop.csv", FOUR_SKUS);
        await().atMost(WAIT).until(() -> scheduler.counts(cart).complete() >= 1);

        write("carts/shop.csv", CART_HEADER);

        SnapshotHeld held = holds.awaitHeld(cart.key(), 2);
        assertThat(held)
                .extracting(
                        SnapshotHeld::reason,
                        SnapshotHeld::liveSkus,
                        SnapshotHeld::missingSkus,
                        SnapshotHeld::releaseAfterCycles)
                .containsExactly(HoldReason.EMPTY_SNAPSHOT, 4L, 4L, 1000);
        assertThat(holds.of(cart.key())).extracting(SnapshotHeld::heldSince).containsOnly(held.heldSince());
        assertNoTombstonesAfterTheFourObservations();

        write("carts/shop.csv", FOUR_SKUS);

        holds.awaitEnded(cart.key());
        assertNoTombstonesAfterTheFourObservations();
        // The file goes once the snapshot finishes, after its "ended" report and its cycle facts are acknowledged.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(holdFiles.holdFile(cart)).doesNotExist());
    }

    @Test
    void holdsAnEmptyThenAShortVendorPageAsTwoHolds() {
        AtomicReference<List<CartItem>> listing = new AtomicReference<>(items("A", "B", "C", "D"));
        fakes.add(tenant, "shop", new ListedCart(listing));
        await().atMost(WAIT).until(() -> scheduler.counts(cart).complete() >= 1);

        listing.set(List.of());
        SnapshotHeld empty = holds.awaitHeld(cart.key(), 1);
        assertThat(empty.reason()).isEqualTo(HoldReason.EMPTY_SNAPSHOT);

        listing.set(items("A", "B"));
        await().atMost(WAIT).until(() -> shortPageHold().isPresent());
        SnapshotHeld firstShort = shortPageHold().orElseThrow();
        assertThat(firstShort)
                .extracting(SnapshotHeld::liveSkus, SnapshotHeld::missingSkus, SnapshotHeld::heldCycles)
                .containsExactly(4L, 2L, 1);
        // Another removal than the one held: a new hold, which an older confirmation cannot approve.
        assertThat(firstShort.heldSince()).isAfter(empty.heldSince());
        assertNoTombstonesAfterTheFourObservations();

        listing.set(items("A", "B", "C", "D"));
        holds.awaitEnded(cart.key());
        assertNoTombstonesAfterTheFourObservations();
    }

    @Test
    void appliesAHeldRemovalOnlyOnceAConfirmationNamesThatHold() throws Exception {
        AtomicReference<List<CartItem>> listing = new AtomicReference<>(items("A", "B", "C", "D"));
        fakes.add(tenant, "shop", new ListedCart(listing));
        await().atMost(WAIT).until(() -> scheduler.counts(cart).complete() >= 1);
        listing.set(items("A"));
        SnapshotHeld held = holds.awaitHeld(cart.key(), 1);

        Instant stale = held.heldSince().minusSeconds(60);
        holds.confirm(cart.key(), stale);
        await().atMost(WAIT).until(() -> holdFiles.confirmed(cart).equals(Optional.of(stale)));
        long heldBefore = scheduler.counts(cart).held();
        await().atMost(WAIT).until(() -> scheduler.counts(cart).held() >= heldBefore + 2);
        assertNoTombstonesAfterTheFourObservations();

        holds.confirm(held);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(tombstones())
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrder(tenant + "/shop/B", tenant + "/shop/C", tenant + "/shop/D"));
        holds.awaitEnded(cart.key());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(holdFiles.confirmed(cart)).isEmpty());
    }

    @Test
    void sendsAnUnreadableConfirmationToItsDeadLetterTopic() throws Exception {
        String key = cart.key().value();
        try (TopicRecords<byte[]> deadLetters =
                TopicRecords.deadLetters(broker.getBrokersAsString(), Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS)) {
            rawTemplate
                    .send(Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS.name(), key, "{\"heldSince\":\"soon\"}".getBytes(UTF_8))
                    .get();

            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(deadLetters.withKeyPrefix(key)).hasSize(1));
            ConsumerRecord<String, byte[]> dead = deadLetters.withKeyPrefix(key).get(0);
            assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), UTF_8))
                    .contains("not a valid ConfirmSnapshotRemoval on snapshot-removal-confirmations");
            assertThat(new String(
                            dead.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(), UTF_8))
                    .isEqualTo(Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS.name());
        }
    }

    private Optional<SnapshotHeld> shortPageHold() {
        return holds.of(cart.key()).stream()
                .filter(held -> held != null && held.reason() == HoldReason.MASS_REMOVAL)
                .findFirst();
    }

    private void assertNoTombstonesAfterTheFourObservations() {
        List<ConsumerRecord<String, byte[]>> records = cartInventory.toEndWithKeyPrefix(tenant + "/shop/");
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .contains(tenant + "/shop/A", tenant + "/shop/B", tenant + "/shop/C", tenant + "/shop/D");
        assertThat(records).noneMatch(r -> r.value() == null);
    }

    private List<ConsumerRecord<String, byte[]>> tombstones() {
        return cartInventory.withKeyPrefix(tenant + "/shop/").stream()
                .filter(r -> r.value() == null)
                .toList();
    }

    private static List<CartItem> items(String... skus) {
        return Arrays.stream(skus).map(sku -> new CartItem(sku, true, true, 1)).toList();
    }

    private void write(String relative, String content) throws IOException {
        SandboxEdits.write(settings.sandbox().dir().resolve(tenant), relative, content);
    }

    /** A vendor cart that answers with whatever the test lists now, in one page. */
    private record ListedCart(AtomicReference<List<CartItem>> listing) implements CartConnector {

        @Override
        public Page<CartItem> readPage(String cursor) {
            return Page.last(listing.get());
        }

        @Override
        public QuantityChangeResult setQuantity(QuantityChange change) {
            return QuantityChangeResult.rejected("read-only fake");
        }
    }
}
