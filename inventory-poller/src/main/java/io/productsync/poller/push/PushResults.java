package io.productsync.poller.push;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What a push ends in: its {@link SkuSyncEvaluated}, and a fresh {@link CartInventoryObserved} when the cart's answer
 * says what it holds now. Event ids derive from the pushId, so a replay repeats the same events.
 */
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

    /**
     * The cart holds {@code quantity} at {@code at}, as the push's answer showed. Tracked and active: the matcher pushes
     * only to SKUs observed so ({@code SyncDecision}); a change of either since is seen at the next poll.
     */
    static CartInventoryObserved observed(PushCartInventory push, long quantity, Instant at) {
        return new CartInventoryObserved(
                derived("cart-observation/", push),
                push.tenantId(),
                push.cartId(),
                push.sku(),
                true,
                true,
                quantity,
                at);
    }

    private static UUID eventId(PushCartInventory push) {
        return derived("sync-result/", push);
    }

    private static UUID derived(String kind, PushCartInventory push) {
        return UUID.nameUUIDFromBytes((kind + push.pushId()).getBytes(StandardCharsets.UTF_8));
    }
}
