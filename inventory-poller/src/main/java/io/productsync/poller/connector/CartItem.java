package io.productsync.poller.connector;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import java.time.Instant;
import java.util.UUID;

/** What a cart holds for one SKU. */
public record CartItem(String sku, boolean inventoryTracked, boolean productActive, long quantity) {

    /** This item as the cart-inventory event of {@code cart}, observed at {@code at}. */
    public CartInventoryObserved observed(CartKey cart, Instant at) {
        return new CartInventoryObserved(
                UUID.randomUUID(), cart.tenantId(), cart.cartId(), sku, inventoryTracked, productActive, quantity, at);
    }
}
