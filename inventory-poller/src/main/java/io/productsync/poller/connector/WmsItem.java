package io.productsync.poller.connector;

/** What a WMS has available for one SKU. */
public record WmsItem(String sku, long available) {}
