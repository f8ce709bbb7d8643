package io.productsync.poller.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.MatchedVia;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import io.productsync.poller.FakeConnectors;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.ThrottledException;
import io.productsync.poller.system.TopicSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * A cart that asks for a wait longer than {@code max.poll.interval.ms}. This class has a context (and broker) of its
 * own: the short poll interval is its subject, and no other test should run under it.
 */
@PollerKafkaTest
@TestPropertySource(
        properties = "spring.kafka.consumer.properties.max.poll.interval.ms=" + ThrottledPushTest.MAX_POLL_MS)
class ThrottledPushTest {

    static final int MAX_POLL_MS = 3000;
    private static final Duration RETRY_AFTER = Duration.ofMillis(2 * MAX_POLL_MS);

    @Autowired
    FakeConnectors fakes;

    @Autowired
    TopicSender sender;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void waitsOutAThrottleLongerThanTheMaxPollIntervalWithoutLeavingTheGroup() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        ThrottlingCart cart = new ThrottlingCart(RETRY_AFTER);
        fakes.add(tenant, "shop", cart);
        try (Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
                TopicRecords<SkuSyncEvaluated> results =
                        new TopicRecords<>(broker.getBrokersAsString(), Topics.SYNC_RESULTS)) {
            Set<String> before =
                    await().atMost(Duration.ofSeconds(30)).until(() -> members(admin), ids -> !ids.isEmpty());
            PushCartInventory push = new PushCartInventory(
                    UUID.randomUUID(), tenant, "shop", "A", 1, 2, Instant.now(), "A", MatchedVia.SKU, 2, Instant.now());

            sender.send(Topics.CART_INVENTORY_PUSHES, push.key().value(), push, push.issuedAt())
                    .get();

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(results.withKeyPrefix(tenant + "/shop/A"))
                            .hasSize(1));
            assertThat(results.value(results.withKeyPrefix(tenant + "/shop/A").get(0))
                            .outcome())
                    .isEqualTo(SyncOutcome.UPDATED);
            assertThat(cart.calls()).hasSize(2);
            assertThat(Duration.between(cart.calls().get(0), cart.calls().get(1)))
                    .as("the wait the cart asked for, longer than max.poll.interval.ms")
                    .isGreaterThanOrEqualTo(RETRY_AFTER);
            assertThat(members(admin))
                    .as("the same consumer, never sent out of the group")
                    .isEqualTo(before);
        }
    }

    /** The consumers of the group (the push and the confirmation listeners) once it is stable, else none. */
    private static Set<String> members(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("inventory-poller"))
                .describedGroups()
                .get("inventory-poller")
                .get();
        return group.groupState() == GroupState.STABLE
                ? group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet())
                : Set.of();
    }

    /** Throttles its first call, then applies every change; notes when it was called. */
    private static final class ThrottlingCart implements CartConnector {

        private final Duration retryAfter;
        private final List<Instant> calls = new CopyOnWriteArrayList<>();

        ThrottlingCart(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        List<Instant> calls() {
            return calls;
        }

        @Override
        public Page<CartItem> readPage(String cursor) {
            return Page.last(List.of());
        }

        @Override
        public QuantityChangeResult setQuantity(QuantityChange change) {
            calls.add(Instant.now());
            if (calls.size() == 1) {
                throw new ThrottledException(retryAfter, "THROTTLED");
            }
            return QuantityChangeResult.applied();
        }
    }
}
