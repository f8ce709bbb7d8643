package io.productsync.matcher.matching;

import io.productsync.events.PushCartInventory;
import java.time.Instant;

/**
 * A push sent and not yet answered by an observation at its target, per {@code tenant/cart/sku}. {@code sinceCycle} is
 * the cart's last cycle this task had seen when the push was first sent (null: none yet), to tell whether it was
 * already pending at the previous cycle.
 */
public record PendingPush(PushCartInventory command, Instant sinceCycle) {

    /** Pending at the previous cycle {@code previous}: sent before this task saw it. */
    boolean pendingAt(Instant previous) {
        return previous != null && (sinceCycle == null || sinceCycle.isBefore(previous));
    }
}
