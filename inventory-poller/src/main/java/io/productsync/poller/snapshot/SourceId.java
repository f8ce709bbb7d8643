package io.productsync.poller.snapshot;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.WmsRef;

/** One thing that is polled: a cart or a WMS of a tenant. */
record SourceId(Kind kind, String tenantId, String id) {

    enum Kind {
        CART,
        WMS
    }

    static SourceId cart(CartKey cart) {
        return new SourceId(Kind.CART, cart.tenantId(), cart.cartId());
    }

    static SourceId wms(WmsRef wms) {
        return new SourceId(Kind.WMS, wms.tenantId(), wms.wmsId());
    }

    CartKey cartKey() {
        return new CartKey(tenantId, id);
    }

    WmsRef wmsRef() {
        return new WmsRef(tenantId, id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + tenantId + "/" + id;
    }
}
