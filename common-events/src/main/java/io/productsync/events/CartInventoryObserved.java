package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** What a cart held for one SKU when it was polled. Topic {@code cart-inventory}; a tombstone means the SKU left the cart. */
public record CartInventoryObserved(
        UUID eventId,
        String tenantId,
        String cartId,
        String sku,
        @JsonProperty(required = true) boolean inventoryTracked,
        @JsonProperty(required = true) boolean productActive,
        @JsonProperty(required = true) long quantity,
        Instant observedAt) {

    public CartInventoryObserved {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireSku(sku, "sku");
        Ids.require(observedAt, "observedAt");
    }

    public CartSkuKey key() {
        return new CartSkuKey(tenantId, cartId, sku);
    }
}
