package io.productsync.poller.connector;

import io.productsync.events.Ids;

/** One WMS of one tenant. */
public record WmsRef(String tenantId, String wmsId) {

    public WmsRef {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(wmsId, "wmsId");
    }

    @Override
    public String toString() {
        return tenantId + "/" + wmsId;
    }
}
