package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * What a cart held for one SKU when it was polled. Topic {@code cart-inventory}; a tombstone means the SKU left the cart.
 *
 * <p>{@code listings} was added later: how many of the cart's listings (Shopify variants, sandbox rows) carry this
 * SKU. More than one makes the SKU ambiguous (never pushed: {@code DUPLICATE_CART_SKU}); the other fields are then those
 * of the listing met first. Absent means 1 and 1 is left out when written, so a record of a SKU listed once reads and
 * writes as it did before the field existed.
 */
public record CartInventoryObserved(
        UUID eventId,
        String tenantId,
        String cartId,
        String sku,
        @JsonProperty(required = true) boolean inventoryTracked,
        @JsonProperty(required = true) boolean productActive,
        @JsonProperty(required = true) long quantity,
        Instant observedAt,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ListedOnce.class)
        Integer listings) {

    public CartInventoryObserved {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireSku(sku, "sku");
        Ids.require(observedAt, "observedAt");
        listings = listings == null ? 1 : listings;
        if (listings < 1) {
            throw new IllegalArgumentException("listings must be at least 1, was " + listings);
        }
    }

    /** A SKU the cart lists once (the form written before {@code listings} existed). */
    public CartInventoryObserved(
            UUID eventId,
            String tenantId,
            String cartId,
            String sku,
            boolean inventoryTracked,
            boolean productActive,
            long quantity,
            Instant observedAt) {
        this(eventId, tenantId, cartId, sku, inventoryTracked, productActive, quantity, observedAt, 1);
    }

    public CartSkuKey key() {
        return new CartSkuKey(tenantId, cartId, sku);
    }

    /** The cart lists this SKU more than once: which listing a push would set is ambiguous. */
    public boolean duplicateSku() {
        return listings > 1;
    }

    /** Leaves {@code listings} out of the JSON when it is 1, the value an absent field reads as. */
    static final class ListedOnce {

        @Override
        public boolean equals(Object value) {
            return Integer.valueOf(1).equals(value);
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
