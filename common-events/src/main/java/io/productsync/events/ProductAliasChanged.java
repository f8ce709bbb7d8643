package io.productsync.events;

import java.time.Instant;

/**
 * A cart-side identifier now maps to a WMS SKU. Topic {@code product-aliases} (compacted); a tombstone removes the alias.
 * {@code changedAt} is optional for producers written before it existed.
 */
public record ProductAliasChanged(String tenantId, String alias, String wmsSku, AliasKind kind, Instant changedAt) {

    public ProductAliasChanged {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireSku(alias, "alias");
        Ids.requireSku(wmsSku, "wmsSku");
        Ids.require(kind, "kind");
    }

    public AliasKey key() {
        return new AliasKey(tenantId, alias);
    }
}
