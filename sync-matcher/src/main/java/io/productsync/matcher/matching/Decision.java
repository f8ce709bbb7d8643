package io.productsync.matcher.matching;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;

/**
 * What the matcher writes: per evaluation of a cart SKU a result to report or a push to make the cart match the WMS;
 * per cart cycle a verdict on the SKUs it did not change; a result removed; and a cart SKU sent on to the task that owns
 * it. Where each goes is {@link Addressed}.
 */
sealed interface Decision {

    record Result(SkuSyncEvaluated event) implements Decision {}

    record Push(PushCartInventory command) implements Decision {}

    record Verdict(CartCycleVerified event) implements Decision {}

    /** The SKU's result is removed (it left the cart, or the cart was disconnected): a tombstone. */
    record Removed() implements Decision {}

    /**
     * A cart SKU this task does not own, for the task that does: an observation, or (null) that it left the cart at the
     * record's time.
     */
    record Reroute(CartInventoryObserved observation) implements Decision {}
}
