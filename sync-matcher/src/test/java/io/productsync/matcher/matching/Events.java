package io.productsync.matcher.matching;

import io.productsync.events.AliasKind;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.WmsInventoryObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Input events for the matcher tests: tenant "acme", WMS "main" unless a test says otherwise. */
final class Events {

    static final String TENANT = "acme";
    static final String WMS = "main";
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    private Events() {}

    static CartInventoryObserved cart(String cartId, String sku, long quantity, Instant observedAt) {
        return new CartInventoryObserved(UUID.randomUUID(), TENANT, cartId, sku, true, true, quantity, observedAt);
    }

    static CartInventoryObserved cart(
            String cartId,
            String sku,
            long quantity,
            Instant observedAt,
            boolean inventoryTracked,
            boolean productActive) {
        return new CartInventoryObserved(
                UUID.randomUUID(), TENANT, cartId, sku, inventoryTracked, productActive, quantity, observedAt);
    }

    /** A SKU the cart lists {@code listings} times (tracked and active, as the listing met first). */
    static CartInventoryObserved listed(String cartId, String sku, long quantity, Instant observedAt, int listings) {
        return new CartInventoryObserved(
                UUID.randomUUID(), TENANT, cartId, sku, true, true, quantity, observedAt, listings);
    }

    /** The end of a cycle of the cart at {@code cycleAt}, its last send acknowledged a second later. */
    static CartCycleCompleted cycle(String cartId, Instant cycleAt) {
        return new CartCycleCompleted(UUID.randomUUID(), TENANT, cartId, cycleAt, 0, 0, 0, cycleAt.plusSeconds(1));
    }

    static WmsInventoryObserved wms(String sku, long available, Instant observedAt) {
        return new WmsInventoryObserved(UUID.randomUUID(), TENANT, WMS, sku, available, observedAt);
    }

    static CartConnectionConfigured connection(String cartId, boolean cartSyncEnabled, boolean wmsSyncEnabled) {
        return new CartConnectionConfigured(
                TENANT, cartId, WMS, cartSyncEnabled, wmsSyncEnabled, Duration.ofMinutes(5), T0);
    }

    static CartConnectionConfigured connection(String cartId) {
        return connection(cartId, true, true);
    }

    static ProductAliasChanged alias(String cartSku, String wmsSku) {
        return new ProductAliasChanged(TENANT, cartSku, wmsSku, AliasKind.SKU, T0);
    }
}
