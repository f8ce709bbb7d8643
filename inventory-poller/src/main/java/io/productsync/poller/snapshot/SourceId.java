package io.productsync.poller.snapshot;

import io.productsync.events.CartKey;
import io.productsync.events.SourceKey;
import io.productsync.events.SourceKind;
import io.productsync.poller.connector.WmsRef;

/** One thing that is polled: a cart or a WMS of a tenant. */
record SourceId(SourceKind kind, String tenantId, String id) {

    static SourceId cart(CartKey cart) {
        return new SourceId(SourceKind.CART, cart.tenantId(), cart.cartId());
    }

    static SourceId wms(WmsRef wms) {
        return new SourceId(SourceKind.WMS, wms.tenantId(), wms.wmsId());
    }

    static SourceId of(SourceKey key) {
        return new SourceId(key.kind(), key.tenantId(), key.sourceId());
    }

    CartKey cartKey() {
        return new CartKey(tenantId, id);
    }

    WmsRef wmsRef() {
        return new WmsRef(tenantId, id);
    }

    /** What every {@code tenant/source/sku} key of this source starts with. */
    String keyPrefix() {
        return tenantId + "/" + id + "/";
    }

    /** The key of this source on the snapshot-hold topics. */
    SourceKey key() {
        return new SourceKey(tenantId, kind, id);
    }

    @Override
    public String toString() {
        return kind.token() + " " + tenantId + "/" + id;
    }
}
