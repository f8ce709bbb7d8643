package io.productsync.matcher.matching;

import io.productsync.events.CartInventoryObserved;

/**
 * A task's cart store value per {@code tenant/cart/sku}: the newest observation, or since when the SKU is gone from the
 * cart (kept, so a late older observation cannot bring it back).
 */
public record CartHeld(CartInventoryObserved observation, Long goneAtMillis) {

    static CartHeld observed(CartInventoryObserved observation) {
        return new CartHeld(observation, null);
    }

    static CartHeld goneAt(long millis) {
        return new CartHeld(null, millis);
    }

    boolean gone() {
        return observation == null;
    }

    /** What the out-of-order guard compares against: the time and rank of what is held. */
    Seen seen() {
        return gone()
                ? new Seen(goneAtMillis, true, null)
                : new Seen(observation.observedAt().toEpochMilli(), false, observation.listings());
    }
}
