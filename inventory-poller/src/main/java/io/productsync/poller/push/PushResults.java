package io.productsync.poller.push;

import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The {@link SkuSyncEvaluated} a push ends in; its eventId derives from the pushId, so a replay repeats it. */
final class PushResults {

    private PushResults() {}

    static SkuSyncEvaluated updated(PushCartInventory push, Instant at) {
        return new SkuSyncEvaluated(
                eventId(push),
                push.tenantId(),
                push.cartId(),
                push.sku(),
                true,
                SyncOutcome.UPDATED,
                null,
                null,
                push.matchedWmsSku(),
                push.matchedVia(),
                push.expectedQuantity(),
                push.wmsQuantity(),
                push.targetQuantity(),
                at,
                at);
    }

    static SkuSyncEvaluated failed(PushCartInventory push, long cartQuantity, String detail, Instant at) {
        return new SkuSyncEvaluated(
                eventId(push),
                push.tenantId(),
                push.cartId(),
                push.sku(),
                true,
                SyncOutcome.FAILED,
                SyncReason.CART_REJECTED,
                detail,
                push.matchedWmsSku(),
                push.matchedVia(),
                cartQuantity,
                push.wmsQuantity(),
                push.targetQuantity(),
                null,
                at);
    }

    private static UUID eventId(PushCartInventory push) {
        return UUID.nameUUIDFromBytes(("sync-result/" + push.pushId()).getBytes(StandardCharsets.UTF_8));
    }
}
