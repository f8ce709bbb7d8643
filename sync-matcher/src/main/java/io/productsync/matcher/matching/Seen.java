package io.productsync.matcher.matching;

/**
 * What the out-of-order guard remembers per key: the newest observation time (epoch millis), the quantity it carried
 * (WMS only), its rank among observations of the same time (cart: {@code listings}; absent in rows stored before ranks
 * were kept), or that the key is gone since that time.
 */
public record Seen(long atMillis, Long quantity, boolean gone, Integer rank) {}
