package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The sync state of one cart SKU after an evaluation. Topic {@code sync-results}; a tombstone means the SKU left the
 * cart (or the cart was disconnected) and its row leaves the View Product Sync table.
 *
 * <p>{@code syncedAt} is set for UPDATED and VERIFIED only. {@code reason} is set for NOT_SYNCED and FAILED only;
 * {@code detail} carries the cart's error text for FAILED. Match and quantity fields are null where unknown.
 */
public record SkuSyncEvaluated(
        UUID eventId,
        String tenantId,
        String cartId,
        String sku,
        @JsonProperty(required = true) boolean inventoryEnabled,
        SyncOutcome outcome,
        SyncReason reason,
        String detail,
        String matchedWmsSku,
        MatchedVia matchedVia,
        Long cartQuantity,
        Long wmsQuantity,
        Long pushedQuantity,
        Instant syncedAt,
        Instant evaluatedAt) {

    public SkuSyncEvaluated {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireSku(sku, "sku");
        Ids.require(outcome, "outcome");
        Ids.require(evaluatedAt, "evaluatedAt");
        if (outcome.synced()) {
            Ids.require(syncedAt, "syncedAt (required for " + outcome + ")");
            if (reason != null) {
                throw new IllegalArgumentException("reason must be empty for " + outcome + ", was " + reason);
            }
        } else {
            Ids.require(reason, "reason (required for " + outcome + ")");
            if (syncedAt != null) {
                throw new IllegalArgumentException("syncedAt must be empty for " + outcome);
            }
        }
        if (matchedWmsSku != null) {
            Ids.requireSku(matchedWmsSku, "matchedWmsSku");
        }
    }

    public CartSkuKey key() {
        return new CartSkuKey(tenantId, cartId, sku);
    }
}
