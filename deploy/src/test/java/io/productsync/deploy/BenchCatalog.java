package io.productsync.deploy;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.WmsInventoryObserved;
import java.time.Instant;
import java.util.UUID;

/**
 * The benchmark's data and the rules its final rows must follow: SKU {@code i} of a cart of {@code size} SKUs has
 * quantity {@code i % 97} at both ends, except every tenth, which the WMS holds only under another SKU (so it is
 * NEVER, {@code NO_WMS_MATCH}).
 */
record BenchCatalog(String tenant, String cart, String wms, int size) {

    static final String CART_CSV_HEADER = "sku,inventory_tracked,product_active,quantity";
    static final String WMS_CSV_HEADER = "sku,available";

    String sku(int i) {
        return "SKU-%07d".formatted(i);
    }

    long quantity(int i) {
        return i % 97;
    }

    boolean matched(int i) {
        return i % 10 != 9;
    }

    /** The WMS's SKU for cart SKU {@code i}: the same, or one no cart SKU has. */
    String wmsSku(int i) {
        return matched(i) ? sku(i) : "WMS-ONLY-%07d".formatted(i);
    }

    long matchedCount() {
        return size - size / 10;
    }

    CartInventoryObserved cartObservation(int i, Instant at) {
        return new CartInventoryObserved(UUID.randomUUID(), tenant, cart, sku(i), true, true, quantity(i), at);
    }

    WmsInventoryObserved wmsObservation(int i, Instant at) {
        return new WmsInventoryObserved(UUID.randomUUID(), tenant, wms, wmsSku(i), quantity(i), at);
    }

    /** A VERIFIED result for SKU {@code i} with quantity {@code quantity(i) + bump}, evaluated and synced at {@code at}. */
    SkuSyncEvaluated verified(int i, long bump, Instant at) {
        long quantity = quantity(i) + bump;
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                tenant,
                cart,
                sku(i),
                true,
                SyncOutcome.VERIFIED,
                null,
                null,
                sku(i),
                MatchedVia.SKU,
                quantity,
                quantity,
                null,
                at,
                at);
    }

    String cartCsvLine(int i) {
        return sku(i) + ",true,true," + quantity(i);
    }

    String wmsCsvLine(int i) {
        return wmsSku(i) + "," + quantity(i);
    }

    /** What the rules give for SKU {@code i} after a sync: its outcome, reason and quantities. */
    SyncRow expected(int i) {
        return matched(i)
                ? new SyncRow(sku(i), SyncOutcome.VERIFIED, null, quantity(i), quantity(i))
                : new SyncRow(sku(i), SyncOutcome.NOT_SYNCED, SyncReason.NO_WMS_MATCH, quantity(i), null);
    }
}
