package io.productsync.events;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Producer {@code partitioner.class} for the writers of {@code cart-inventory} and {@code wms-inventory}: their
 * {@code tenant/owner/sku} records go to {@link SkuPartitions}; a record of any other topic, or one whose key is not of
 * that form (a cycle fact is sent to an explicit partition and never reaches a partitioner), is placed as Kafka's
 * default partitioner places a keyed record.
 */
public final class SkuPartitioner implements Partitioner {

    private static final Set<String> BY_SKU = Set.of(Topics.CART_INVENTORY.name(), Topics.WMS_INVENTORY.name());

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        if (BY_SKU.contains(topic) && key instanceof String text) {
            try {
                return SkuPartitions.ofKey(text, partitions);
            } catch (IllegalArgumentException e) {
                // Not a SKU key: placed by default, and the matcher sends it to its dead-letter topic.
            }
        }
        if (keyBytes == null) {
            throw new IllegalArgumentException("a record of " + topic + " without a key");
        }
        return SkuPartitions.ofBytes(keyBytes, partitions);
    }

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void close() {}
}
