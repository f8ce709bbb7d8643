package io.productsync.poller.connector;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.Ids;
import java.time.Duration;
import java.time.Instant;

/**
 * A cart of a tenant, the WMS that feeds it, whether sync is on at either end, and how often both are polled.
 *
 * @param configuredThroughApi the connection comes from {@code cart-connections} as the connection API wrote it (with
 *     platform, settings and sealed credentials), so the poller must not publish it again; false for connections the
 *     poller itself finds (the sandbox folder) and publishes
 */
public record Connection(
        String tenantId,
        String cartId,
        String wmsId,
        boolean cartSyncEnabled,
        boolean wmsSyncEnabled,
        Duration pollInterval,
        boolean configuredThroughApi) {

    public Connection {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireId(wmsId, "wmsId");
        Ids.requirePositive(pollInterval, "pollInterval");
    }

    /** A connection the poller finds itself and publishes on {@code cart-connections}. */
    public Connection(
            String tenantId,
            String cartId,
            String wmsId,
            boolean cartSyncEnabled,
            boolean wmsSyncEnabled,
            Duration pollInterval) {
        this(tenantId, cartId, wmsId, cartSyncEnabled, wmsSyncEnabled, pollInterval, false);
    }

    public CartKey cart() {
        return new CartKey(tenantId, cartId);
    }

    public WmsRef wms() {
        return new WmsRef(tenantId, wmsId);
    }

    /** The sandbox form of this connection, as the poller publishes it. */
    public CartConnectionConfigured configuredAt(Instant at) {
        return new CartConnectionConfigured(tenantId, cartId, wmsId, cartSyncEnabled, wmsSyncEnabled, pollInterval, at);
    }
}
