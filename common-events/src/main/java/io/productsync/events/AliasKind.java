package io.productsync.events;

/** Which kind of identifier an alias is. */
public enum AliasKind {
    SKU,
    UPC,
    MPN,
    ASIN,
    LISTING_SKU,
    OTHER
}
