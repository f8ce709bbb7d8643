package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topic;
import io.productsync.events.WmsInventoryObserved;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A task's copies of every WMS row, alias and connection, read from the broadcast tables. The tables hold the JSON as
 * broadcast; a row is parsed here, when a decision needs it.
 */
final class LocalTables {

    private final TimestampedKeyValueStore<String, byte[]> wms;
    private final TimestampedKeyValueStore<String, byte[]> aliases;
    private final TimestampedKeyValueStore<String, byte[]> connections;

    LocalTables(ProcessorContext<?, ?> context) {
        this.wms = context.getStateStore(TopologyNames.WMS_TABLE_STORE);
        this.aliases = context.getStateStore(TopologyNames.ALIAS_TABLE_STORE);
        this.connections = context.getStateStore(TopologyNames.CONNECTION_TABLE_STORE);
    }

    WmsInventoryObserved wms(String wmsKey) {
        return read(wms, BroadcastTopics.WMS, wmsKey);
    }

    ProductAliasChanged alias(String aliasKey) {
        return read(aliases, BroadcastTopics.ALIASES, aliasKey);
    }

    CartConnectionConfigured connection(String cartKey) {
        return read(connections, BroadcastTopics.CONNECTIONS, cartKey);
    }

    /** The {@code tenant/cart} keys of the tenant's connected carts. */
    List<String> connectedCarts(String tenantId) {
        List<String> carts = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all =
                connections.prefixScan(tenantId + "/", new StringSerializer())) {
            all.forEachRemaining(entry -> carts.add(entry.key));
        }
        return carts;
    }

    private static <V> V read(TimestampedKeyValueStore<String, byte[]> table, Topic<String, V> topic, String key) {
        return topic.valueSerde()
                .deserializer()
                .deserialize(topic.name(), ValueAndTimestamp.getValueOrNull(table.get(key)));
    }
}
