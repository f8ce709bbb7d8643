package io.productsync.events;

public enum SyncOutcome {
    /** The cart quantity was changed to the WMS quantity. */
    UPDATED,
    /** The cart already had the WMS quantity; the sync date still moves. */
    VERIFIED,
    /** The SKU was not synced; the reason says why. */
    NOT_SYNCED,
    /** A push was attempted and the cart refused it. */
    FAILED;

    public boolean synced() {
        return this == UPDATED || this == VERIFIED;
    }
}
