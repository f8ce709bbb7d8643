package io.productsync.matcher.matching;

import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;

/** What one evaluation of a cart SKU yields: a result to report, or a push to make the cart match the WMS. */
sealed interface Decision {

    record Result(SkuSyncEvaluated event) implements Decision {}

    record Push(PushCartInventory command) implements Decision {}
}
