package io.productsync.poller.snapshot;

import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartKey;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topics;
import io.productsync.poller.system.TopicSender;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The fact that a cart's snapshot is complete on {@code cart-inventory}: one {@code CartCycleCompleted} to every
 * partition (typed by the {@code event-type} header), sent once every change of the cycle was acknowledged, so on each
 * partition it follows the cycle's changes.
 */
@Component
final class CartCycles {

    private static final JsonSerde<CartCycleCompleted> JSON = JsonSerde.of(CartCycleCompleted.class);

    private final TopicSender sender;
    private final Clock clock;

    CartCycles(TopicSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** Called once the cycle's last send was acknowledged, which is its {@code completedAt}. */
    CompletableFuture<?> completed(CartKey cart, Instant cycleAt, long skus, long published, long removed) {
        CartCycleCompleted fact = new CartCycleCompleted(
                UUID.randomUUID(), cart.tenantId(), cart.cartId(), cycleAt, skus, published, removed, clock.instant());
        String topic = Topics.CART_INVENTORY.name();
        return sender.sendToEveryPartition(
                topic, cart.value(), JSON.serialize(topic, fact), cycleAt, EventTypes.CART_CYCLE_COMPLETED);
    }
}
