package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * How a cart is connected: which WMS feeds it, whether inventory sync is on at either end, how often it is polled.
 * Topic {@code cart-connections} (compacted); a tombstone disconnects the cart.
 */
public record CartConnectionConfigured(
        String tenantId,
        String cartId,
        String wmsId,
        @JsonProperty(required = true) boolean cartSyncEnabled,
        @JsonProperty(required = true) boolean wmsSyncEnabled,
        Duration pollInterval,
        Instant configuredAt) {

    public CartConnectionConfigured {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireId(wmsId, "wmsId");
        Ids.requirePositive(pollInterval, "pollInterval");
        Ids.require(configuredAt, "configuredAt");
    }

    public CartKey key() {
        return new CartKey(tenantId, cartId);
    }

    public boolean syncEnabled() {
        return cartSyncEnabled && wmsSyncEnabled;
    }
}
