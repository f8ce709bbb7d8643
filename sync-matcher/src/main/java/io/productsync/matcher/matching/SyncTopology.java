package io.productsync.matcher.matching;

import io.productsync.events.AliasKey;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartKey;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;
import java.time.Clock;
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
 * The matcher, partitioned like {@code cart-inventory}: one {@link CartSkuMatcher} per task owns its partition's cart
 * SKUs, and every WMS row change, alias and connection is broadcast to every partition so each task decides its own
 * affected SKUs from local tables. Every node and store is named by a constant in {@link TopologyNames}; run with
 * {@code topology.optimization=reuse.ktable.source.topics} so the broadcast topics serve as their tables' changelogs.
 */
public final class SyncTopology {

    private SyncTopology() {}

    public static void build(StreamsBuilder builder, Clock clock) {
        build(builder, clock, CartCycleVerified.MAX_UNVERIFIED);
    }

    /** With another cap on a verdict's unverified SKUs, so a test need not push ten thousand SKUs to reach it. */
    static void build(StreamsBuilder builder, Clock clock, int maxUnverified) {
        // WMS rows, newest observation per key and only when the available quantity changed, then to every partition.
        broadcast(
                parsed(
                                builder,
                                Topics.WMS_INVENTORY,
                                RecordReader.of(
                                        Topics.WMS_INVENTORY,
                                        WmsSkuKey::parse,
                                        row -> Keys.sku(row.tenantId(), row.wmsId(), row.sku())))
                        .processValues(
                                new NewestObservationOnly<>(
                                        TopologyNames.WMS_GUARD_STORE,
                                        WmsInventoryObserved::observedAt,
                                        WmsInventoryObserved::available,
                                        row -> null),
                                Named.as(TopologyNames.guard(Topics.WMS_INVENTORY))),
                BroadcastTopics.WMS);
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

        // Cart SKU observations and cycle ends, in partition order, merged with the changes of the local tables.
        KStream<String, CartSideChange> changes = parsed(builder, Topics.CART_INVENTORY, new CartInventoryReader())
                .merge(
                        tableChanges(
                                builder,
                                BroadcastTopics.WMS,
                                TopologyNames.WMS_TABLE_STORE,
                                CartSideChange.WmsChanged::new),
                        Named.as(TopologyNames.MERGE_WMS))
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
        KStream<String, Decision> decisions = changes.process(
                new CartSkuMatcher(clock, maxUnverified), Named.as(TopologyNames.MATCH), CartSkuMatcher.tables());

        // Pushes go to the applier, verdicts to the partition they speak for, results and tombstones to the sync view.
        Map<String, KStream<String, Decision>> branches = decisions
                .split(Named.as(TopologyNames.DECISION_SPLIT))
                .branch((key, decision) -> decision instanceof Decision.Push, Branched.as(TopologyNames.PUSH_BRANCH))
                .branch(
                        (key, decision) -> decision instanceof Decision.Verdict,
                        Branched.as(TopologyNames.VERDICT_BRANCH))
                .defaultBranch(Branched.as(TopologyNames.RESULT_BRANCH));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.PUSH_BRANCH)
                .mapValues(decision -> ((Decision.Push) decision).command(), Named.as(TopologyNames.PUSH_COMMAND))
                .to(
                        Topics.CART_INVENTORY_PUSHES.name(),
                        produced(Topics.CART_INVENTORY_PUSHES, TopologyNames.PUSH_SINK));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.VERDICT_BRANCH)
                .mapValues(decision -> ((Decision.Verdict) decision).event(), Named.as(TopologyNames.VERDICT_EVENT))
                .to(
                        Topics.SYNC_RESULTS.name(),
                        Produced.with(Serdes.String(), JsonSerde.of(CartCycleVerified.class))
                                .withStreamPartitioner(new VerdictPartition())
                                .withName(TopologyNames.VERDICT_SINK));
        branches.get(TopologyNames.DECISION_SPLIT + TopologyNames.RESULT_BRANCH)
                .mapValues(
                        decision -> decision == null ? null : ((Decision.Result) decision).event(),
                        Named.as(TopologyNames.RESULT_EVENT))
                .to(Topics.SYNC_RESULTS.name(), produced(Topics.SYNC_RESULTS, TopologyNames.RESULT_SINK));
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
                                .withName(TopologyNames.broadcastSink(topic)));
    }

    /** Reads raw bytes and parses inside the topology, so bad records reach the DLT within the transaction. */
    private static <V> KStream<String, V> parsed(
            StreamsBuilder builder, Topic<String, ?> topic, RecordReader<V> reader) {
        // Raw bytes in: a record that does not parse must not stop the stream thread.
        KStream<String, Parsed<V>> parsed = builder.stream(
                        topic.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(TopologyNames.source(topic)))
                .processValues(
                        () -> new ParseOrDeadLetter<>(topic.name(), reader), Named.as(TopologyNames.parse(topic)));
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

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
