package io.productsync.events;

/** Why a SKU was not synced (NOT_SYNCED) or why its push failed (FAILED). */
public enum SyncReason {
    SYNC_DISABLED,
    INVENTORY_DISABLED,
    PRODUCT_DISABLED,
    NO_WMS_MATCH,
    CART_REJECTED,
    /** The cart lists the SKU more than once ({@link CartInventoryObserved#listings()}): never pushed. */
    DUPLICATE_CART_SKU
}
