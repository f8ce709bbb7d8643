package io.productsync.matcher.matching;

import io.productsync.events.WmsInventoryObserved;

/**
 * A task's WMS row store value per {@code tenant/wms/sku} it owns: the newest row, or since when the SKU is gone from the
 * WMS (kept, so a late older row cannot bring it back).
 */
public record WmsHeld(WmsInventoryObserved row, Long goneAtMillis) {

    static WmsHeld observed(WmsInventoryObserved row) {
        return new WmsHeld(row, null);
    }

    static WmsHeld goneAt(long millis) {
        return new WmsHeld(null, millis);
    }

    boolean gone() {
        return row == null;
    }

    /** What the out-of-order guard compares against: the time of what is held. */
    Seen seen() {
        return gone()
                ? new Seen(goneAtMillis, true, null)
                : new Seen(row.observedAt().toEpochMilli(), false, null);
    }
}
