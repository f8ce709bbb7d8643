package io.productsync.matcher.matching;

import io.productsync.events.AliasKey;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;

/** First join step: a cart SKU with the connection of its cart. */
public record CartWithConnection(CartInventoryObserved cart, CartConnectionConfigured connection) {

    String aliasKey() {
        return new AliasKey(cart.tenantId(), cart.sku()).value();
    }
}
