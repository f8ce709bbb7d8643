package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topic;
import io.productsync.events.WmsInventoryObserved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What a decision reads besides the cart SKU: the WMS rows this task owns (kept by {@link WmsGuard})
 * and its copies of every alias and connection (the broadcast tables, which hold the JSON as broadcast; a row is parsed
 * here, when a decision needs it). Connections, read for every decision and few, are also
 * kept parsed in memory until the matcher is told one changed ({@link #connectionChanged}), and aliases are not read
 * while the table has held none ({@link #aliasChanged}): every change of a table reaches the matcher right after the
 * table holds it, and a task that restores its tables starts a new matcher.
 */
final class LocalTables {

    private final KeyValueStore<String, WmsHeld> wms;
    private final TimestampedKeyValueStore<String, byte[]> aliases;
    private final TimestampedKeyValueStore<String, byte[]> connections;
    private final Map<String, Optional<CartConnectionConfigured>> connectionByCart = new HashMap<>();
    private final Map<String, List<String>> cartsByTenant = new HashMap<>();
    private boolean anyAlias;

    LocalTables(ProcessorContext<?, ?> context) {
        this.wms = context.getStateStore(TopologyNames.WMS_ROW_STORE);
        this.aliases = context.getStateStore(TopologyNames.ALIAS_TABLE_STORE);
        this.connections = context.getStateStore(TopologyNames.CONNECTION_TABLE_STORE);
        this.anyAlias = StoreContents.holdsAny(aliases);
    }

    /** The WMS row, or null if it is unknown or gone. */
    WmsInventoryObserved wms(String wmsKey) {
        WmsHeld held = wms.get(wmsKey);
        return held == null ? null : held.row();
    }

    /** Null without a read while the task has never held an alias (most SKUs have none). */
    ProductAliasChanged alias(String aliasKey) {
        return anyAlias ? read(aliases, BroadcastTopics.ALIASES, aliasKey) : null;
    }

    CartConnectionConfigured connection(String cartKey) {
        return connectionByCart
                .computeIfAbsent(
                        cartKey, key -> Optional.ofNullable(read(connections, BroadcastTopics.CONNECTIONS, key)))
                .orElse(null);
    }

    /** The {@code tenant/cart} keys of the tenant's connected carts. */
    List<String> connectedCarts(String tenantId) {
        return cartsByTenant.computeIfAbsent(tenantId, tenant -> {
            List<String> carts = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all =
                    connections.prefixScan(tenant + "/", new StringSerializer())) {
                all.forEachRemaining(entry -> carts.add(entry.key));
            }
            return List.copyOf(carts);
        });
    }

    /** An alias changed in the table. */
    void aliasChanged() {
        anyAlias = true;
    }

    /**
     * The connection of {@code cartKey} changed in the table: forget what was kept of it. Returns whether the change
     * may change a decision: false only when the connection before was kept and decides alike ({@link
     * MatchInput#decidesAlike}), such as a new poll interval or new credentials.
     */
    boolean connectionChanged(String cartKey) {
        Optional<CartConnectionConfigured> before = connectionByCart.remove(cartKey);
        cartsByTenant.remove(CartKey.parse(cartKey).tenantId());
        return before == null || !MatchInput.decidesAlike(before.orElse(null), connection(cartKey));
    }

    private static <V> V read(TimestampedKeyValueStore<String, byte[]> table, Topic<String, V> topic, String key) {
        return topic.valueSerde()
                .deserializer()
                .deserialize(topic.name(), ValueAndTimestamp.getValueOrNull(table.get(key)));
    }
}
