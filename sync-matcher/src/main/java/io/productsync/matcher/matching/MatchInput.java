package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.MatchedVia;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.WmsInventoryObserved;
import java.time.Instant;

/**
 * Everything one cart SKU's sync depends on: alias, WMS row and the cart's last cycle seen ({@code lastCycleAt}) may be
 * absent.
 */
public record MatchInput(
        CartInventoryObserved cart,
        CartConnectionConfigured connection,
        ProductAliasChanged alias,
        WmsInventoryObserved wms,
        Instant lastCycleAt) {

    /** Before any cycle of the cart was seen. */
    MatchInput(
            CartInventoryObserved cart,
            CartConnectionConfigured connection,
            ProductAliasChanged alias,
            WmsInventoryObserved wms) {
        this(cart, connection, alias, wms, null);
    }

    MatchedVia matchedVia() {
        return alias != null ? MatchedVia.ALIAS : MatchedVia.SKU;
    }

    /** An alias defined for the cart SKU wins over the cart SKU itself; there is no fallback when it exists. */
    static String wantedWmsSku(CartInventoryObserved cart, ProductAliasChanged alias) {
        return wantedWmsSku(cart.sku(), alias);
    }

    static String wantedWmsSku(String cartSku, ProductAliasChanged alias) {
        return alias != null ? alias.wmsSku() : cartSku;
    }

    /**
     * Whether two states of a cart's connection (null: none) give every SKU of the cart the same decision: all a
     * decision reads of a connection is whether sync is on at both ends ({@link SyncDecision}) and which WMS it looks
     * up ({@link #wmsKey}, {@link #matchedWms}).
     */
    static boolean decidesAlike(CartConnectionConfigured before, CartConnectionConfigured after) {
        if (before == null || after == null) {
            return before == after;
        }
        return before.syncEnabled() == after.syncEnabled() && before.wmsId().equals(after.wmsId());
    }

    /** The key of the WMS row this cart SKU looks up: the wanted SKU in the cart's own WMS. */
    static String wmsKey(CartInventoryObserved cart, CartConnectionConfigured connection, ProductAliasChanged alias) {
        return Keys.sku(cart.tenantId(), connection.wmsId(), wantedWmsSku(cart, alias));
    }

    /** The WMS row only counts if it is the wanted SKU in the cart's own WMS. */
    WmsInventoryObserved matchedWms() {
        if (wms == null
                || !wms.tenantId().equals(cart.tenantId())
                || !wms.wmsId().equals(connection.wmsId())
                || !wms.sku().equals(wantedWmsSku(cart, alias))) {
            return null;
        }
        return wms;
    }

    /**
     * A VERIFIED SKU was verified when the cart was observed, or at the cart's last cycle if later: an unchanged SKU's
     * observation is not republished each cycle.
     */
    Instant syncedAt() {
        return lastCycleAt != null && lastCycleAt.isAfter(cart.observedAt()) ? lastCycleAt : cart.observedAt();
    }
}
