package io.productsync.poller.push;

import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topics;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.ThrottledException;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cart-inventory-pushes} through the cart connector and reports each outcome on {@code sync-results}.
 * A pushId already applied is skipped; the compare-and-set makes a replay after a crash harmless too. The offset is
 * committed after the listener returns, that is after the result is acknowledged.
 */
@Component
final class PushApplier {

    private static final Logger log = LoggerFactory.getLogger(PushApplier.class);
    private static final Duration LONGEST_THROTTLE_WAIT = Duration.ofSeconds(30);

    private final ConnectorRegistry registry;
    private final TopicSender sender;
    private final Clock clock;
    private final AppliedPushes applied;
    private final PollerSettings.Poller settings;

    PushApplier(ConnectorRegistry registry, TopicSender sender, Clock clock, PollerSettings settings) {
        this.registry = registry;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings.poller();
        this.applied = new AppliedPushes(this.settings.appliedPushesRemembered());
    }

    @KafkaListener(
            id = "inventory-poller-pushes",
            groupId = "inventory-poller",
            topics = "#{T(io.productsync.events.Topics).CART_INVENTORY_PUSHES.name()}")
    void onPush(ConsumerRecord<String, PushCartInventory> record) throws Exception {
        PushCartInventory push = record.value();
        if (push == null || applied.contains(push.pushId())) {
            log.debug("push {} skipped: {}", record.key(), push == null ? "tombstone" : "already applied");
            return;
        }
        Optional<SkuSyncEvaluated> result = apply(push);
        if (result.isPresent()) {
            sender.send(
                            Topics.SYNC_RESULTS,
                            result.get().key().value(),
                            result.get(),
                            result.get().evaluatedAt())
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        applied.add(push.pushId());
    }

    /**
     * Empty when the cart or the SKU is gone: the matcher has removed (or is removing) its row, and a result now would
     * bring the row back with nothing left to remove it.
     */
    private Optional<SkuSyncEvaluated> apply(PushCartInventory push) throws InterruptedException {
        Optional<CartConnector> cart = registry.cart(push.key().cart());
        if (cart.isEmpty()) {
            log.info(
                    "push {} dropped: no connector for cart {}",
                    push.key().value(),
                    push.key().cart().value());
            return Optional.empty();
        }
        QuantityChange change =
                new QuantityChange(push.sku(), push.expectedQuantity(), push.targetQuantity(), push.pushId());
        QuantityChangeResult result;
        try {
            result = setQuantity(cart.get(), change);
        } catch (ConnectorException e) {
            return Optional.of(PushResults.failed(
                    push, push.expectedQuantity(), "cart error: " + e.getMessage(), clock.instant()));
        }
        log.info("push {} {} -> {}: {}", push.key().value(), push.expectedQuantity(), push.targetQuantity(), result);
        return switch (result.status()) {
            case APPLIED, ALREADY_AT_TARGET -> Optional.of(PushResults.updated(push, clock.instant()));
            case CURRENT_DIFFERS ->
                Optional.of(PushResults.failed(
                        push,
                        result.currentQuantity(),
                        "cart changed since it was observed: holds " + result.currentQuantity() + ", expected "
                                + push.expectedQuantity() + "; the next poll re-evaluates",
                        clock.instant()));
            case REJECTED ->
                Optional.of(PushResults.failed(push, push.expectedQuantity(), result.error(), clock.instant()));
            case NOT_IN_CART -> Optional.empty();
        };
    }

    /** A throttled cart is waited for on this listener thread, a few times, then the last throttle fails the push. */
    private QuantityChangeResult setQuantity(CartConnector cart, QuantityChange change) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return cart.setQuantity(change);
            } catch (ThrottledException e) {
                if (attempt >= settings.throttledPushAttempts()) {
                    throw e;
                }
                Duration wait =
                        e.retryAfter().compareTo(LONGEST_THROTTLE_WAIT) < 0 ? e.retryAfter() : LONGEST_THROTTLE_WAIT;
                TimeUnit.MILLISECONDS.sleep(wait.toMillis());
            }
        }
    }
}
