package io.productsync.matcher.matching;

import io.productsync.events.AliasKey;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartKey;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The matcher, partitioned by SKU ({@link Owners}): one {@link CartSkuMatcher} per task owns the WMS rows of its
 * partition's SKUs and the cart SKUs that look them up, so a cart SKU and its WMS row meet in one task without a copy;
 * aliases and connections, which every task needs, are broadcast to every partition. Every node and store is named by a
 * constant in {@link TopologyNames}; run with {@code topology.optimization=reuse.ktable.source.topics} so the broadcast
 * topics serve as their tables' changelogs.
 */
public final class SyncTopology {

    private SyncTopology() {}

    public static void build(StreamsBuilder builder, Clock clock, int partitions) {
        build(builder, clock, partitions, CartCycleVerified.MAX_UNVERIFIED);
    }

    /** With another cap on a verdict's unverified SKUs, so a test need not push ten thousand SKUs to reach it. */
    static void build(StreamsBuilder builder, Clock clock, int partitions, int maxUnverified) {
        // WMS rows on the partition of their SKU (a record elsewhere goes there first), kept there newest first, and
        // on to the matcher only when the available quantity changed.
        KStream<String, Placed<WmsInventoryObserved>> wms = parsed(
                        builder,
                        Topics.WMS_INVENTORY,
                        RerouteTopics.WMS,
                        RecordReader.of(
                                Topics.WMS_INVENTORY,
                                WmsSkuKey::parse,
                                row -> Keys.sku(row.tenantId(), row.wmsId(), row.sku())))
                .processValues(Placed.bySku(partitions), Named.as(TopologyNames.place(Topics.WMS_INVENTORY)));
        wms.filterNot((key, placed) -> placed.here(), Named.as(TopologyNames.elsewhere(Topics.WMS_INVENTORY)))
                .to(RerouteTopics.WMS.name(), Placed.toOwner(RerouteTopics.WMS, TopologyNames.sink(RerouteTopics.WMS)));
        KStream<String, CartSideChange> wmsChanges = wms.filter(
                        (key, placed) -> placed.here(), Named.as(TopologyNames.here(Topics.WMS_INVENTORY)))
                .mapValues(Placed::value, Named.as(TopologyNames.placedValue(Topics.WMS_INVENTORY)))
                .processValues(new WmsGuard(), Named.as(TopologyNames.guard(Topics.WMS_INVENTORY)))
                .mapValues(
                        row -> (CartSideChange) new CartSideChange.WmsChanged(),
                        Named.as(TopologyNames.change(Topics.WMS_INVENTORY)));
        // Aliases and connections are configuration: the latest per key is the truth, copied to every partition.
        broadcast(
                parsed(
                        builder,
                        Topics.PRODUCT_ALIASES,
                        RecordReader.of(
                                Topics.PRODUCT_ALIASES,
                                AliasKey::parse,
                                alias -> alias.key().value())),
                BroadcastTopics.ALIASES);
        broadcast(
                parsed(
                        builder,
                        Topics.CART_CONNECTIONS,
                        RecordReader.of(
                                Topics.CART_CONNECTIONS,
                                CartKey::parse,
                                connection -> connection.key().value())),
                BroadcastTopics.CONNECTIONS);

        // Cart SKU observations (also those sent on by another task) and cycle ends, in partition order, merged with
        // the task's WMS rows and the changes of its alias and connection tables.
        KStream<String, CartSideChange> changes = parsed(
                        builder, Topics.CART_INVENTORY, RerouteTopics.CART, new CartInventoryReader())
                .merge(wmsChanges, Named.as(TopologyNames.MERGE_WMS))
                .merge(
                        tableChanges(
                                builder,
                                BroadcastTopics.ALIASES,
                                TopologyNames.ALIAS_TABLE_STORE,
                                CartSideChange.AliasChanged::new),
                        Named.as(TopologyNames.MERGE_ALIASES))
                .merge(
                        tableChanges(
                                builder,
                                BroadcastTopics.CONNECTIONS,
                                TopologyNames.CONNECTION_TABLE_STORE,
                                CartSideChange.ConnectionChanged::new),
                        Named.as(TopologyNames.MERGE_CONNECTIONS));
        KStream<String, Addressed> decisions = changes.process(
                new CartSkuMatcher(clock, partitions, maxUnverified),
                Named.as(TopologyNames.MATCH),
                CartSkuMatcher.tables());

        // Pushes go to the applier, cart SKUs to their owners, results, removals and verdicts to the sync view; each to
        // the partition it names.
        Map<String, KStream<String, Addressed>> branches = decisions
                .split(Named.as(TopologyNames.DECISION_SPLIT))
                .branch((key, out) -> out.decision() instanceof Decision.Push, Branched.as(TopologyNames.PUSH_BRANCH))
                .branch(
                        (key, out) -> out.decision() instanceof Decision.Reroute,
                        Branched.as(TopologyNames.REROUTE_BRANCH))
                .defaultBranch(Branched.as(TopologyNames.RESULT_BRANCH));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.PUSH_BRANCH)
                .to(Topics.CART_INVENTORY_PUSHES.name(), Addressed.produced(TopologyNames.PUSH_SINK));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.REROUTE_BRANCH)
                .to(RerouteTopics.CART.name(), Addressed.produced(TopologyNames.sink(RerouteTopics.CART)));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.RESULT_BRANCH)
                .to(Topics.SYNC_RESULTS.name(), Addressed.produced(TopologyNames.RESULT_SINK));
    }

    /**
     * A broadcast topic read back as this task's table; what flows on is only which key changed. The table keeps the
     * JSON as it came ({@link LocalTables} reads the few rows a decision needs): parsing every copy to store it again
     * would cost a parse and a write per partition for each row.
     */
    private static KStream<String, CartSideChange> tableChanges(
            StreamsBuilder builder, Topic<String, ?> topic, String store, Supplier<CartSideChange> change) {
        return builder.table(
                        topic.name(),
                        Consumed.with(topic.keySerde(), Serdes.ByteArray()).withName(TopologyNames.source(topic)),
                        // Uncached: the matcher must see each change right after its table holds it.
                        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(topic.keySerde())
                                .withValueSerde(Serdes.ByteArray())
                                .withCachingDisabled())
                .toStream(Named.as(TopologyNames.toStream(topic)))
                .mapValues(value -> change.get(), Named.as(TopologyNames.change(topic)));
    }

    /** One copy on every partition, serialized once here rather than once per copy by the sink. */
    private static <V> void broadcast(KStream<String, V> changes, Topic<String, V> topic) {
        changes.mapValues(
                        value -> topic.valueSerde().serializer().serialize(topic.name(), value),
                        Named.as(TopologyNames.serialize(topic)))
                .to(
                        topic.name(),
                        Produced.with(topic.keySerde(), Serdes.ByteArray())
                                .withStreamPartitioner(new EveryPartition<>())
                                .withName(TopologyNames.sink(topic)));
    }

    /** Reads raw bytes and parses inside the topology, so bad records reach the DLT within the transaction. */
    private static <V> KStream<String, V> parsed(
            StreamsBuilder builder, Topic<String, ?> topic, RecordReader<V> reader) {
        return parsed(
                builder.stream(
                        topic.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(TopologyNames.source(topic))),
                topic,
                reader);
    }

    /** An input and the topic of its records that were read on another partition, read alike. */
    private static <V> KStream<String, V> parsed(
            StreamsBuilder builder, Topic<String, ?> topic, Topic<String, ?> rerouted, RecordReader<V> reader) {
        return parsed(
                builder.stream(
                        List.of(topic.name(), rerouted.name()),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(TopologyNames.source(topic))),
                topic,
                reader);
    }

    private static <V> KStream<String, V> parsed(
            KStream<String, byte[]> records, Topic<String, ?> topic, RecordReader<V> reader) {
        // Raw bytes in: a record that does not parse must not stop the stream thread.
        KStream<String, Parsed<V>> parsed =
                records.processValues(() -> new ParseOrDeadLetter<>(reader), Named.as(TopologyNames.parse(topic)));
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
}
