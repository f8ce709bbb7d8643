package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The matcher's verdict on the SKUs a cart cycle did not change, for one partition. Topic {@code sync-results}, written
 * to partition {@code partition} (the partition of the {@link CartCycleCompleted} it answers, which is also where the
 * results of those SKUs are: same key, same partition count), key {@code tenant/cart}, header {@link EventTypes#HEADER} =
 * {@link EventTypes#CART_CYCLE_VERIFIED}. It follows every result the cycle's changes gave on that partition.
 *
 * <p>What it says: every SKU of the cart whose results are on this partition, whose latest result is VERIFIED or
 * UPDATED and which is not in {@code unverifiedSkus}, was verified at {@code cycleAt}: its Last Cart Sync Date moves to
 * {@code cycleAt} where it is earlier. {@code unverifiedSkus} are the SKUs of this partition with a push in flight (the
 * cart was not at its target at {@code cycleAt}), at most {@link #MAX_UNVERIFIED}; a partition with more writes no
 * verdict for that cycle, so its dates wait for the next one. {@code completedAt} is the cycle's, for "last full
 * cycle finished".
 */
public record CartCycleVerified(
        UUID eventId,
        String tenantId,
        String cartId,
        Instant cycleAt,
        Instant completedAt,
        @JsonProperty(required = true) int partition,
        List<String> unverifiedSkus,
        Instant evaluatedAt) {

    public static final int MAX_UNVERIFIED = 10_000;

    public CartCycleVerified {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.require(cycleAt, "cycleAt");
        Ids.require(completedAt, "completedAt");
        Ids.requireNotNegative(partition, "partition");
        unverifiedSkus = unverifiedSkus == null ? List.of() : List.copyOf(unverifiedSkus);
        if (unverifiedSkus.size() > MAX_UNVERIFIED) {
            throw new IllegalArgumentException(
                    "unverifiedSkus holds " + unverifiedSkus.size() + " SKUs, at most " + MAX_UNVERIFIED);
        }
        unverifiedSkus.forEach(sku -> Ids.requireSku(sku, "unverifiedSkus"));
        Ids.require(evaluatedAt, "evaluatedAt");
    }

    public CartKey key() {
        return new CartKey(tenantId, cartId);
    }
}
