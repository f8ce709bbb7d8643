package io.productsync.poller.connector;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.Ids;
import java.time.Duration;
import java.time.Instant;

/** A cart of a tenant, the WMS that feeds it, whether sync is on at either end, and how often both are polled. */
public record Connection(
        String tenantId,
        String cartId,
        String wmsId,
        boolean cartSyncEnabled,
        boolean wmsSyncEnabled,
        Duration pollInterval) {

    public Connection {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireId(wmsId, "wmsId");
        Ids.requirePositive(pollInterval, "pollInterval");
    }

    public CartKey cart() {
        return new CartKey(tenantId, cartId);
    }

    public WmsRef wms() {
        return new WmsRef(tenantId, wmsId);
    }

    public CartConnectionConfigured configuredAt(Instant at) {
        return new CartConnectionConfigured(tenantId, cartId, wmsId, cartSyncEnabled, wmsSyncEnabled, pollInterval, at);
    }
}
