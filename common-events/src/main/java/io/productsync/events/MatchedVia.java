package io.productsync.events;

/** How a cart SKU found its WMS SKU: the same SKU, or an alias. */
public enum MatchedVia {
    SKU,
    ALIAS
}
