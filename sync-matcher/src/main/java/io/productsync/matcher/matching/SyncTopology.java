package io.productsync.matcher.matching;

import io.productsync.events.AliasKey;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.JsonSerde;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The matcher: cart SKUs joined to their cart's connection, their alias and their WMS SKU by foreign-key table joins,
 * each joined row decided by {@link SyncDecision}. Every node and store is named by a constant in {@link TopologyNames}.
 */
public final class SyncTopology {

    private SyncTopology() {}

    public static void build(StreamsBuilder builder, Clock clock) {
        // Cart SKUs, newest observation per key only (at one time, the one finding more listings of the SKU); the table
        // is what every join starts from.
        KTable<String, CartInventoryObserved> carts = guardedTable(
                builder,
                Topics.CART_INVENTORY,
                CartSkuKey::parse,
                cart -> cart.key().value(),
                new NewestObservationOnly<>(
                        TopologyNames.CART_GUARD_STORE,
                        CartInventoryObserved::observedAt,
                        cart -> null,
                        CartInventoryObserved::listings),
                TopologyNames.CART_TABLE_STORE);
        // WMS SKUs, newest observation per key and only when the available quantity changed.
        KTable<String, WmsInventoryObserved> wms = guardedTable(
                builder,
                Topics.WMS_INVENTORY,
                WmsSkuKey::parse,
                row -> row.key().value(),
                new NewestObservationOnly<>(
                        TopologyNames.WMS_GUARD_STORE,
                        WmsInventoryObserved::observedAt,
                        WmsInventoryObserved::available,
                        row -> null),
                TopologyNames.WMS_TABLE_STORE);
        KTable<String, ProductAliasChanged> aliases = table(
                builder,
                Topics.PRODUCT_ALIASES,
                AliasKey::parse,
                alias -> alias.key().value(),
                TopologyNames.ALIAS_TABLE_STORE);
        KTable<String, CartConnectionConfigured> connections = table(
                builder,
                Topics.CART_CONNECTIONS,
                CartKey::parse,
                connection -> connection.key().value(),
                TopologyNames.CONNECTION_TABLE_STORE);

        // Inner join: a cart without a connection is not evaluated; a connection change re-evaluates all its SKUs.
        KTable<String, CartWithConnection> withConnection = carts.join(
                connections,
                cart -> cart.key().cart().value(),
                CartWithConnection::new,
                TableJoined.as(TopologyNames.CONNECTION_JOIN),
                materialized(TopologyNames.CONNECTION_JOIN_STORE, CartWithConnection.class));
        // Left join on tenant/cartSku: an alias added or removed changes the WMS key below at once.
        KTable<String, CartWithAlias> withAlias = withConnection.leftJoin(
                aliases,
                joined -> joined.aliasKey(),
                CartWithAlias::of,
                TableJoined.as(TopologyNames.ALIAS_JOIN),
                materialized(TopologyNames.ALIAS_JOIN_STORE, CartWithAlias.class));
        // Left join on tenant/wms/sku: one WMS change re-evaluates every cart SKU it feeds, in every cart.
        KTable<String, MatchInput> matched = withAlias.leftJoin(
                wms,
                joined -> joined.wmsKey(),
                CartWithAlias::with,
                TableJoined.as(TopologyNames.WMS_JOIN),
                materialized(TopologyNames.WMS_JOIN_STORE, MatchInput.class));

        // Each joined row change is one evaluation; a vanished row (SKU left, cart disconnected) stays null.
        KStream<String, Decision> decisions = matched.toStream(Named.as(TopologyNames.MATCHED_TO_STREAM))
                .mapValues(
                        input -> input == null ? null : SyncDecision.decide(input, clock.instant()),
                        Named.as(TopologyNames.DECIDE));
        // Pushes go to the applier; results and tombstones go to the sync view.
        Map<String, KStream<String, Decision>> branches = decisions
                .split(Named.as(TopologyNames.DECISION_SPLIT))
                .branch((key, decision) -> decision instanceof Decision.Push, Branched.as(TopologyNames.PUSH_BRANCH))
                .defaultBranch(Branched.as(TopologyNames.RESULT_BRANCH));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.PUSH_BRANCH)
                .mapValues(decision -> ((Decision.Push) decision).command(), Named.as(TopologyNames.PUSH_COMMAND))
                .to(
                        Topics.CART_INVENTORY_PUSHES.name(),
                        produced(Topics.CART_INVENTORY_PUSHES, TopologyNames.PUSH_SINK));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.RESULT_BRANCH)
                .mapValues(
                        decision -> decision == null ? null : ((Decision.Result) decision).event(),
                        Named.as(TopologyNames.RESULT_EVENT))
                .to(Topics.SYNC_RESULTS.name(), produced(Topics.SYNC_RESULTS, TopologyNames.RESULT_SINK));
    }

    private static <V> KTable<String, V> guardedTable(
            StreamsBuilder builder,
            Topic<String, V> topic,
            Function<String, ?> parseKey,
            Function<V, String> keyOf,
            NewestObservationOnly<V> guard,
            String store) {
        // Older observations are dropped before the table so they can never overwrite a newer one.
        return parsed(builder, topic, parseKey, keyOf)
                .processValues(guard, Named.as(TopologyNames.guard(topic)))
                .toTable(Named.as(TopologyNames.toTable(topic)), tableStore(store, topic));
    }

    private static <V> KTable<String, V> table(
            StreamsBuilder builder,
            Topic<String, V> topic,
            Function<String, ?> parseKey,
            Function<V, String> keyOf,
            String store) {
        // Compacted configuration: the latest record per key is the truth, so it goes straight to the table.
        return parsed(builder, topic, parseKey, keyOf)
                .toTable(Named.as(TopologyNames.toTable(topic)), tableStore(store, topic));
    }

    /** Reads raw bytes and parses inside the topology, so bad records reach the DLT within the transaction. */
    private static <V> KStream<String, V> parsed(
            StreamsBuilder builder, Topic<String, V> topic, Function<String, ?> parseKey, Function<V, String> keyOf) {
        // Raw bytes in: a record that does not parse must not stop the stream thread.
        KStream<String, Parsed<V>> parsed = builder.stream(
                        topic.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(TopologyNames.source(topic)))
                .processValues(
                        () -> new ParseOrDeadLetter<>(topic, parseKey, keyOf), Named.as(TopologyNames.parse(topic)));
        // Unreadable records keep their raw bytes and gain the reason headers on their way to <topic>-dlt.
        parsed.filterNot((key, record) -> record.valid(), Named.as(TopologyNames.deadLetterFilter(topic)))
                .mapValues(Parsed::raw, Named.as(TopologyNames.deadLetterRaw(topic)))
                .to(
                        topic.deadLetterTopic(),
                        Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(TopologyNames.deadLetterSink(topic)));
        // Readable records (tombstones included) continue as plain events.
        return parsed.filter((key, record) -> record.valid(), Named.as(TopologyNames.validFilter(topic)))
                .mapValues(Parsed::value, Named.as(TopologyNames.validValue(topic)));
    }

    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> tableStore(
            String store, Topic<String, V> topic) {
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(topic.keySerde())
                .withValueSerde(topic.valueSerde());
    }

    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> materialized(String store, Class<V> type) {
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(Serdes.String())
                .withValueSerde(JsonSerde.of(type));
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
