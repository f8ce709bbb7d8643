package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A complete snapshot of one cart is on {@code cart-inventory}: every SKU that changed since the cart's previous cycle
 * and every SKU that left were written, and acknowledged, before this record. Written once to every partition of
 * {@code cart-inventory}, key {@code tenant/cart}, header {@link EventTypes#HEADER} = {@link EventTypes#CART_CYCLE_COMPLETED}.
 * A reader of one partition that reaches it has seen every change of the cycle on that partition; the SKUs the cycle
 * did not publish are those the cart still held unchanged at {@code cycleAt}.
 *
 * <p>{@code cycleAt} is the snapshot's time (the {@code observedAt} of the records it published), {@code completedAt}
 * when its last send was acknowledged. {@code skus} counts the SKUs the cart listed, {@code published} the observations
 * this cycle wrote (changed or new), {@code removed} the tombstones.
 */
public record CartCycleCompleted(
        UUID eventId,
        String tenantId,
        String cartId,
        Instant cycleAt,
        @JsonProperty(required = true) long skus,
        @JsonProperty(required = true) long published,
        @JsonProperty(required = true) long removed,
        Instant completedAt) {

    public CartCycleCompleted {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.require(cycleAt, "cycleAt");
        Ids.requireNotNegative(skus, "skus");
        Ids.requireNotNegative(published, "published");
        Ids.requireNotNegative(removed, "removed");
        Ids.require(completedAt, "completedAt");
    }

    public CartKey key() {
        return new CartKey(tenantId, cartId);
    }
}
