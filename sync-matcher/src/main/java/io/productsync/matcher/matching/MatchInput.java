package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.MatchedVia;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.WmsInventoryObserved;

/** Everything one cart SKU's sync depends on, as the join chain assembled it; alias and wms may be absent. */
public record MatchInput(
        CartInventoryObserved cart,
        CartConnectionConfigured connection,
        ProductAliasChanged alias,
        WmsInventoryObserved wms) {

    MatchedVia matchedVia() {
        return alias != null ? MatchedVia.ALIAS : MatchedVia.SKU;
    }

    /** The WMS row only counts if it is the wanted SKU in the cart's own WMS. */
    WmsInventoryObserved matchedWms() {
        if (wms == null
                || !wms.tenantId().equals(cart.tenantId())
                || !wms.wmsId().equals(connection.wmsId())
                || !wms.sku().equals(CartWithAlias.wantedWmsSku(cart, alias))) {
            return null;
        }
        return wms;
    }
}
