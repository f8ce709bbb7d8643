package io.productsync.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a SKU on {@code cart-inventory}, {@code wms-inventory} and the matcher's outputs: the hash of
 * {@code tenant/sku}, whatever the cart or WMS, so a cart SKU and the WMS SKU of the same name meet in one partition
 * and the matcher needs no copy of a WMS row per partition. The hash and its modulo are Kafka's default partitioner's
 * (murmur2, positive, modulo the count), applied to {@code tenant/sku} instead of the whole key.
 */
public final class SkuPartitions {

    private SkuPartitions() {}

    public static int of(String tenantId, String sku, int partitions) {
        return ofBytes((tenantId + "/" + sku).getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** Kafka's default partitioner's choice for a key of these bytes. */
    static int ofBytes(byte[] bytes, int partitions) {
        return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
    }

    /**
     * The partition of a {@code tenant/cart/sku} or {@code tenant/wms/sku} key by its tenant and SKU (ids cannot hold
     * '/': everything after the second '/' is the SKU).
     */
    public static int ofKey(String key, int partitions) {
        int tenantEnd = key.indexOf('/');
        int ownerEnd = tenantEnd < 0 ? -1 : key.indexOf('/', tenantEnd + 1);
        if (ownerEnd < 0) {
            throw new IllegalArgumentException("key '" + key + "' is not tenant/owner/sku");
        }
        return of(key.substring(0, tenantEnd), key.substring(ownerEnd + 1), partitions);
    }
}
