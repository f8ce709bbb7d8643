package io.productsync.poller.connector;

/** What a cart holds for one SKU. */
public record CartItem(String sku, boolean inventoryTracked, boolean productActive, long quantity) {}
