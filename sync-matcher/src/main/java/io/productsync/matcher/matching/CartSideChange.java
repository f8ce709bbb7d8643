package io.productsync.matcher.matching;

import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartInventoryObserved;

/**
 * What reaches a task's {@link CartSkuMatcher}: from {@code cart-inventory} a cart SKU observation (a null value is
 * the SKU leaving the cart) or the end of a cart cycle; from {@code wms-inventory}, past its guard, that a WMS row of a SKU
 * this task owns changed (its new value is already in the row store); from the broadcasts, that the local copy of an alias or a connection changed
 * (the record key says which; its new value is already in the local table).
 */
sealed interface CartSideChange {

    record CartObserved(CartInventoryObserved observation) implements CartSideChange {}

    record CycleCompleted(CartCycleCompleted cycle) implements CartSideChange {}

    record WmsChanged() implements CartSideChange {}

    record AliasChanged() implements CartSideChange {}

    record ConnectionChanged() implements CartSideChange {}
}
