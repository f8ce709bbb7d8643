package io.productsync.matcher.matching;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;

/**
 * What the matcher writes: per evaluation of a cart SKU a result to report or a push to make the cart match the WMS;
 * per cart cycle a verdict on the SKUs it did not change. A removed result travels as null.
 */
sealed interface Decision {

    record Result(SkuSyncEvaluated event) implements Decision {}

    record Push(PushCartInventory command) implements Decision {}

    record Verdict(CartCycleVerified event) implements Decision {}
}
