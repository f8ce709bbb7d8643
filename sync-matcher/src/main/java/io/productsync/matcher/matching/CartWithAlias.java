package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;

/** Second join step: the alias, if any, decides which WMS SKU the cart SKU looks up. */
public record CartWithAlias(
        CartInventoryObserved cart, CartConnectionConfigured connection, ProductAliasChanged alias) {

    static CartWithAlias of(CartWithConnection left, ProductAliasChanged alias) {
        return new CartWithAlias(left.cart(), left.connection(), alias);
    }

    /** An alias defined for the cart SKU wins over the cart SKU itself; there is no fallback when it exists. */
    static String wantedWmsSku(CartInventoryObserved cart, ProductAliasChanged alias) {
        return alias != null ? alias.wmsSku() : cart.sku();
    }

    String wmsKey() {
        return new WmsSkuKey(cart.tenantId(), connection.wmsId(), wantedWmsSku(cart, alias)).value();
    }

    MatchInput with(WmsInventoryObserved wms) {
        return new MatchInput(cart, connection, alias, wms);
    }
}
