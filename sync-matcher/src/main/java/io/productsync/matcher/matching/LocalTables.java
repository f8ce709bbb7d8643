package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.WmsInventoryObserved;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** A task's copies of every WMS row, alias and connection, read from the broadcast tables. */
final class LocalTables {

    private final TimestampedKeyValueStore<String, WmsInventoryObserved> wms;
    private final TimestampedKeyValueStore<String, ProductAliasChanged> aliases;
    private final TimestampedKeyValueStore<String, CartConnectionConfigured> connections;

    LocalTables(ProcessorContext<?, ?> context) {
        this.wms = context.getStateStore(TopologyNames.WMS_TABLE_STORE);
        this.aliases = context.getStateStore(TopologyNames.ALIAS_TABLE_STORE);
        this.connections = context.getStateStore(TopologyNames.CONNECTION_TABLE_STORE);
    }

    WmsInventoryObserved wms(String wmsKey) {
        return ValueAndTimestamp.getValueOrNull(wms.get(wmsKey));
    }

    ProductAliasChanged alias(String aliasKey) {
        return ValueAndTimestamp.getValueOrNull(aliases.get(aliasKey));
    }

    CartConnectionConfigured connection(String cartKey) {
        return ValueAndTimestamp.getValueOrNull(connections.get(cartKey));
    }

    /** The {@code tenant/cart} keys of the tenant's connected carts. */
    List<String> connectedCarts(String tenantId) {
        List<String> carts = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<CartConnectionConfigured>> all =
                connections.prefixScan(tenantId + "/", new StringSerializer())) {
            all.forEachRemaining(entry -> carts.add(entry.key));
        }
        return carts;
    }
}
