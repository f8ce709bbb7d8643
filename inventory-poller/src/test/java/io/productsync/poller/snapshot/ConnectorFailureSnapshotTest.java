package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.Topics;
import io.productsync.poller.FakeConnectors;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.ThrottledException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@PollerKafkaTest
class ConnectorFailureSnapshotTest {

    @Autowired
    FakeConnectors fakes;

    @Autowired
    SnapshotScheduler scheduler;

    @Autowired
    EmbeddedKafkaBroker broker;

    String tenant;
    TopicRecords<CartInventoryObserved> cartInventory;

    @BeforeEach
    void openTopic() {
        tenant = "f-" + UUID.randomUUID().toString().substring(0, 8);
        cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
    }

    @AfterEach
    void closeTopic() {
        cartInventory.close();
    }

    @Test
    void waitsOutAThrottleAndCompletesTheSameSnapshot() {
        AtomicInteger throttles = new AtomicInteger();
        fakes.add(tenant, "shop", new PagedCart(cursor -> {
            if (cursor == null) {
                return Page.of(List.of(item("A"), item("B")), "page-2");
            }
            if (throttles.getAndIncrement() == 0) {
                throw new ThrottledException(Duration.ofMillis(300), "THROTTLED");
            }
            return Page.last(List.of(item("C")));
        }));
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 1);

        assertThat(scheduler.counts(cart).incomplete()).isZero();
        List<ConsumerRecord<String, byte[]>> records = cartInventory.toEndWithKeyPrefix(tenant + "/shop/");
        // Keys spread over partitions, so order holds per key only.
        ConsumerRecord<String, byte[]> firstA =
                records.stream().filter(r -> r.key().endsWith("/A")).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> firstC =
                records.stream().filter(r -> r.key().endsWith("/C")).findFirst().orElseThrow();
        // One snapshot, resumed after the wait: C carries the snapshot time of A, at least the wait later.
        assertThat(cartInventory.value(firstC).observedAt())
                .isEqualTo(cartInventory.value(firstA).observedAt());
        assertThat(throttles.get()).isGreaterThan(1);
    }

    @Test
    void publishesNoTombstonesForASnapshotWithAFailedPage() {
        AtomicInteger mode = new AtomicInteger(COMPLETE);
        fakes.add(tenant, "shop", new PagedCart(cursor -> switch (mode.get()) {
            case COMPLETE ->
                cursor == null ? Page.of(List.of(item("W"), item("X")), "2") : Page.last(List.of(item("Y"), item("Z")));
            case FAILING -> {
                if (cursor == null) {
                    yield Page.of(List.of(item("W"), item("X")), "2");
                }
                throw new ConnectorException("503 store unavailable");
            }
            // A quarter of the cart gone: applied at once, not held.
            default -> Page.last(List.of(item("W"), item("X"), item("Z")));
        }));
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 1);

        mode.set(FAILING);
        long incomplete = scheduler.counts(cart).incomplete();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).incomplete() >= incomplete + 2);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/"))
                .extracting(ConsumerRecord::key)
                .contains(tenant + "/shop/W", tenant + "/shop/X", tenant + "/shop/Y", tenant + "/shop/Z");
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/")).noneMatch(r -> r.value() == null);

        mode.set(SHRUNK);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(cartInventory.withKeyPrefix(tenant + "/"))
                        .filteredOn(r -> r.value() == null)
                        .singleElement()
                        .satisfies(tombstone -> {
                            assertThat(tombstone.key()).isEqualTo(tenant + "/shop/Y");
                            assertThat(tombstone.timestamp()).isGreaterThan(lastTimestampOf(tenant + "/shop/Y"));
                        }));
    }

    @Test
    void endsASnapshotWhoseConnectorThrewAnErrorAsIncompleteAndPollsAgain() {
        AtomicInteger reads = new AtomicInteger();
        fakes.add(tenant, "shop", new PagedCart(cursor -> {
            if (reads.getAndIncrement() == 0) {
                throw new AssertionError("a connector's bug");
            }
            return Page.last(List.of(item("A")));
        }));
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 1);

        assertThat(scheduler.counts(cart).incomplete()).isOne();
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/"))
                .extracting(ConsumerRecord::key)
                .containsExactly(tenant + "/shop/A");
    }

    @Test
    void keepsPollingAfterADiscoveryThatThrewAnError() {
        fakes.failNextDiscovery(new AssertionError("a connector provider's bug"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !fakes.discoveryFailurePending());

        fakes.add(tenant, "shop", new PagedCart(cursor -> Page.last(List.of(item("A")))));
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.counts(cart).complete() >= 1);
        assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/shop/"))
                .extracting(ConsumerRecord::key)
                .containsExactly(tenant + "/shop/A");
    }

    private long lastTimestampOf(String key) {
        return cartInventory.withKeyPrefix(key).stream()
                .filter(r -> r.value() != null)
                .mapToLong(ConsumerRecord::timestamp)
                .max()
                .orElseThrow();
    }

    private static final int COMPLETE = 0;
    private static final int FAILING = 1;
    private static final int SHRUNK = 2;

    private static CartItem item(String sku) {
        return new CartItem(sku, true, true, 1);
    }

    /** A cart whose pages the test scripts; it is never written to here. */
    private record PagedCart(java.util.function.Function<String, Page<CartItem>> pages) implements CartConnector {

        @Override
        public Page<CartItem> readPage(String cursor) {
            return pages.apply(cursor);
        }

        @Override
        public QuantityChangeResult setQuantity(QuantityChange change) {
            return QuantityChangeResult.rejected("read-only fake");
        }
    }
}
