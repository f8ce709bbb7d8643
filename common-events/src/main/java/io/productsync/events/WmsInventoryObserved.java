package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** What a WMS had available for one SKU when it was polled. Topic {@code wms-inventory}; a tombstone means the SKU left the WMS. */
public record WmsInventoryObserved(
        UUID eventId,
        String tenantId,
        String wmsId,
        String sku,
        @JsonProperty(required = true) long available,
        Instant observedAt) {

    public WmsInventoryObserved {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(wmsId, "wmsId");
        Ids.requireSku(sku, "sku");
        Ids.require(observedAt, "observedAt");
    }

    public WmsSkuKey key() {
        return new WmsSkuKey(tenantId, wmsId, sku);
    }
}
