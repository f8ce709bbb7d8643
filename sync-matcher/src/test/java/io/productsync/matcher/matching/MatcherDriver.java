package io.productsync.matcher.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link SyncTopology} on a TopologyTestDriver with a hand-moved clock; every input carries an explicit timestamp.
 * A JUnit extension: register it as a field and each test gets a fresh driver with its own state directory.
 */
final class MatcherDriver implements BeforeEachCallback, AfterEachCallback {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final int maxUnverified;
    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, CartInventoryObserved> carts;
    private TestInputTopic<String, WmsInventoryObserved> wms;
    private TestInputTopic<String, ProductAliasChanged> aliases;
    private TestInputTopic<String, CartConnectionConfigured> connections;
    private TestOutputTopic<String, byte[]> syncResults;
    /** Read from sync-results and not yet taken by a test, in the order written: results and cycle verdicts. */
    private final List<TestRecord<String, ?>> written = new ArrayList<>();

    private TestOutputTopic<String, PushCartInventory> pushes;

    MatcherDriver() {
        this(CartCycleVerified.MAX_UNVERIFIED);
    }

    /** With a small cap on a verdict's unverified SKUs. */
    MatcherDriver(int maxUnverified) {
        this.maxUnverified = maxUnverified;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        stateDir = Files.createTempDirectory("matcher-state");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-matcher");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // As the app runs: a generated internal name fails the build.
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
        // One partition, as the driver runs one task: every SKU is owned here.
        SyncTopology.build(builder, clock, 1, maxUnverified);
        driver = new TopologyTestDriver(builder.build(), config);
        carts = input(Topics.CART_INVENTORY);
        wms = input(Topics.WMS_INVENTORY);
        aliases = input(Topics.PRODUCT_ALIASES);
        connections = input(Topics.CART_CONNECTIONS);
        syncResults = driver.createOutputTopic(
                Topics.SYNC_RESULTS.name(), new StringDeserializer(), new ByteArrayDeserializer());
        pushes = output(Topics.CART_INVENTORY_PUSHES);
    }

    void cart(CartInventoryObserved cart) {
        carts.pipeInput(cart.key().value(), cart, cart.observedAt());
    }

    void cartGone(String key, Instant at) {
        carts.pipeInput(key, null, at);
    }

    /** Any text as the value, to feed records that do not parse. */
    void raw(Topic<String, ?> topic, String key, String json, Instant at) {
        raw(topic, key, json, new RecordHeaders(), at);
    }

    void raw(Topic<String, ?> topic, String key, String json, Headers headers, Instant at) {
        driver.createInputTopic(topic.name(), new StringSerializer(), new StringSerializer())
                .pipeInput(new TestRecord<>(key, json, headers, at));
    }

    void wms(WmsInventoryObserved row) {
        wms.pipeInput(row.key().value(), row, row.observedAt());
    }

    void wmsGone(String key, Instant at) {
        wms.pipeInput(key, null, at);
    }

    void alias(ProductAliasChanged alias, Instant at) {
        aliases.pipeInput(alias.key().value(), alias, at);
    }

    void aliasGone(String key, Instant at) {
        aliases.pipeInput(key, null, at);
    }

    void connection(CartConnectionConfigured connection, Instant at) {
        connections.pipeInput(connection.key().value(), connection, at);
    }

    void connectionGone(String key, Instant at) {
        connections.pipeInput(key, null, at);
    }

    /** The end of a cart cycle, as the poller writes it: key tenant/cart, typed by its header. */
    void cycle(CartCycleCompleted cycle) {
        Headers headers = EventTypes.mark(new RecordHeaders(), EventTypes.CART_CYCLE_COMPLETED);
        driver.createInputTopic(
                        Topics.CART_INVENTORY.name(),
                        new StringSerializer(),
                        JsonSerde.of(CartCycleCompleted.class).serializer())
                .pipeInput(new TestRecord<>(cycle.key().value(), cycle, headers, cycle.completedAt()));
    }

    /** Every record written to sync-results since the last read, in order: SKU results and cycle verdicts. */
    List<TestRecord<String, ?>> syncResults() {
        drainSyncResults();
        List<TestRecord<String, ?>> taken = List.copyOf(written);
        written.clear();
        return taken;
    }

    List<TestRecord<String, SkuSyncEvaluated>> results() {
        return take(SkuSyncEvaluated.class, false);
    }

    List<TestRecord<String, CartCycleVerified>> cycleVerdicts() {
        return take(CartCycleVerified.class, true);
    }

    @SuppressWarnings("unchecked")
    private <V> List<TestRecord<String, V>> take(Class<V> type, boolean verdicts) {
        drainSyncResults();
        List<TestRecord<String, V>> taken = new ArrayList<>();
        written.removeIf(record -> {
            boolean verdict = EventTypes.is(record.headers(), EventTypes.CART_CYCLE_VERIFIED);
            if (verdict == verdicts) {
                taken.add((TestRecord<String, V>) record);
                return true;
            }
            return false;
        });
        return taken;
    }

    private void drainSyncResults() {
        syncResults.readRecordsToList().forEach(record -> written.add(typed(record)));
    }

    /** A verdict is read as one only when its header says so, as every subscriber must. */
    private static TestRecord<String, ?> typed(TestRecord<String, byte[]> record) {
        Object value = EventTypes.is(record.headers(), EventTypes.CART_CYCLE_VERIFIED)
                ? JsonSerde.of(CartCycleVerified.class).deserialize(Topics.SYNC_RESULTS.name(), record.value())
                : Topics.SYNC_RESULTS
                        .valueSerde()
                        .deserializer()
                        .deserialize(Topics.SYNC_RESULTS.name(), record.value());
        return new TestRecord<>(record.key(), value, record.headers(), record.getRecordTime());
    }

    /**
     * What each result written since the last read says, in order: the reason of a NOT_SYNCED, else the outcome, and
     * "tombstone" for a removed row. Tests assert these before asserting that nothing more comes out.
     */
    List<String> verdicts() {
        return results().stream()
                .map(TestRecord::value)
                .map(result -> result == null
                        ? "tombstone"
                        : result.reason() != null
                                ? result.reason().name()
                                : result.outcome().name())
                .toList();
    }

    /** The one result written since the last read; fails if there were none or several. */
    SkuSyncEvaluated onlyResult() {
        List<TestRecord<String, SkuSyncEvaluated>> written = results();
        assertThat(written).hasSize(1);
        return written.get(0).value();
    }

    List<TestRecord<String, PushCartInventory>> pushes() {
        return pushes.readRecordsToList();
    }

    List<TestRecord<String, String>> deadLetters(Topic<String, ?> topic) {
        return driver.createOutputTopic(topic.deadLetterTopic(), new StringDeserializer(), new StringDeserializer())
                .readRecordsToList();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
