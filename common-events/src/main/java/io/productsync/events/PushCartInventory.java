package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * Command: set the cart quantity of one SKU to {@code targetQuantity}, expecting it to be {@code expectedQuantity} now.
 * Topic {@code cart-inventory-pushes}. The match fields let the applier publish a complete {@link SkuSyncEvaluated}.
 * The same pushId is issued for the same cart observation and target, so a re-evaluation does not push twice.
 */
public record PushCartInventory(
        UUID pushId,
        String tenantId,
        String cartId,
        String sku,
        @JsonProperty(required = true) long expectedQuantity,
        @JsonProperty(required = true) long targetQuantity,
        Instant issuedAt,
        String matchedWmsSku,
        MatchedVia matchedVia,
        @JsonProperty(required = true) long wmsQuantity,
        Instant cartObservedAt) {

    public PushCartInventory {
        Ids.require(pushId, "pushId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireSku(sku, "sku");
        Ids.requireNotNegative(targetQuantity, "targetQuantity");
        Ids.require(issuedAt, "issuedAt");
        Ids.requireSku(matchedWmsSku, "matchedWmsSku");
        Ids.require(matchedVia, "matchedVia");
        Ids.require(cartObservedAt, "cartObservedAt");
    }

    public CartSkuKey key() {
        return new CartSkuKey(tenantId, cartId, sku);
    }
}
