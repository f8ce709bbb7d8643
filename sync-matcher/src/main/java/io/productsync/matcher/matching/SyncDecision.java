package io.productsync.matcher.matching;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.WmsInventoryObserved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The sync rules, in order, as a pure function of the joined inputs and the evaluation time. */
final class SyncDecision {

    private SyncDecision() {}

    static Decision decide(MatchInput in, Instant now) {
        CartInventoryObserved cart = in.cart();
        WmsInventoryObserved wms = in.matchedWms();
        if (!in.connection().syncEnabled()) {
            return notSynced(in, wms, SyncReason.SYNC_DISABLED, null, now);
        }
        // Before the flags: they are those of one listing of several, and no push could tell which one to set.
        if (cart.duplicateSku()) {
            return notSynced(
                    in,
                    wms,
                    SyncReason.DUPLICATE_CART_SKU,
                    "the cart lists this SKU " + cart.listings() + " times",
                    now);
        }
        if (!cart.inventoryTracked()) {
            return notSynced(in, wms, SyncReason.INVENTORY_DISABLED, null, now);
        }
        if (!cart.productActive()) {
            return notSynced(in, wms, SyncReason.PRODUCT_DISABLED, null, now);
        }
        if (wms == null) {
            return notSynced(in, null, SyncReason.NO_WMS_MATCH, null, now);
        }
        long target = Math.max(0, wms.available());
        if (cart.quantity() == target) {
            return new Decision.Result(new SkuSyncEvaluated(
                    UUID.randomUUID(),
                    cart.tenantId(),
                    cart.cartId(),
                    cart.sku(),
                    cart.inventoryTracked(),
                    SyncOutcome.VERIFIED,
                    null,
                    null,
                    wms.sku(),
                    in.matchedVia(),
                    cart.quantity(),
                    wms.available(),
                    null,
                    in.syncedAt(),
                    now));
        }
        return new Decision.Push(new PushCartInventory(
                pushId(cart, target),
                cart.tenantId(),
                cart.cartId(),
                cart.sku(),
                cart.quantity(),
                target,
                now,
                wms.sku(),
                in.matchedVia(),
                wms.available(),
                cart.observedAt()));
    }

    /** Same cart observation and same target give the same id, so the applier can drop a re-issued push. */
    static UUID pushId(CartInventoryObserved cart, long target) {
        return UUID.nameUUIDFromBytes((cart.eventId() + ":" + target).getBytes(StandardCharsets.UTF_8));
    }

    private static Decision notSynced(
            MatchInput in, WmsInventoryObserved wms, SyncReason reason, String detail, Instant now) {
        CartInventoryObserved cart = in.cart();
        return new Decision.Result(new SkuSyncEvaluated(
                UUID.randomUUID(),
                cart.tenantId(),
                cart.cartId(),
                cart.sku(),
                cart.inventoryTracked(),
                SyncOutcome.NOT_SYNCED,
                reason,
                detail,
                wms == null ? null : wms.sku(),
                wms == null ? null : in.matchedVia(),
                cart.quantity(),
                wms == null ? null : wms.available(),
                null,
                null,
                now));
    }
}
