package io.productsync.poller.connector;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import java.time.Instant;
import java.util.UUID;

/**
 * What a cart holds for one SKU. {@code listings} is how many of the cart's listings (variants, rows) carry the SKU:
 * more than one makes it ambiguous, so it is reported {@code DUPLICATE_CART_SKU} and never pushed; the other fields
 * are then those of the listing the connector documents as the one it reports.
 */
public record CartItem(String sku, boolean inventoryTracked, boolean productActive, long quantity, int listings) {

    public CartItem {
        if (listings < 1) {
            throw new IllegalArgumentException("listings must be at least 1, was " + listings);
        }
    }

    /** A SKU the cart lists once. */
    public CartItem(String sku, boolean inventoryTracked, boolean productActive, long quantity) {
        this(sku, inventoryTracked, productActive, quantity, 1);
    }

    /** The same item, as found on {@code times} listings. */
    public CartItem listedTimes(int times) {
        return new CartItem(sku, inventoryTracked, productActive, quantity, times);
    }

    /** This item as the cart-inventory event of {@code cart}, observed at {@code at}. */
    public CartInventoryObserved observed(CartKey cart, Instant at) {
        return new CartInventoryObserved(
                UUID.randomUUID(),
                cart.tenantId(),
                cart.cartId(),
                sku,
                inventoryTracked,
                productActive,
                quantity,
                at,
                listings);
    }
}
