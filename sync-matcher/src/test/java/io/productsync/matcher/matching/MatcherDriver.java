package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** {@link SyncTopology} on a TopologyTestDriver with a hand-moved clock; every input carries an explicit timestamp. */
final class MatcherDriver implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, CartInventoryObserved> carts;
    private final TestInputTopic<String, WmsInventoryObserved> wms;
    private final TestInputTopic<String, ProductAliasChanged> aliases;
    private final TestInputTopic<String, CartConnectionConfigured> connections;
    private final TestInputTopic<String, String> rawCarts;
    private final TestOutputTopic<String, SkuSyncEvaluated> results;
    private final TestOutputTopic<String, PushCartInventory> pushes;
    private final TestOutputTopic<String, String> cartDeadLetters;

    MatcherDriver(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        SyncTopology.build(builder, clock);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-matcher");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
        carts = input(Topics.CART_INVENTORY);
        wms = input(Topics.WMS_INVENTORY);
        aliases = input(Topics.PRODUCT_ALIASES);
        connections = input(Topics.CART_CONNECTIONS);
        rawCarts = driver.createInputTopic(Topics.CART_INVENTORY.name(), new StringSerializer(), new StringSerializer());
        results = output(Topics.SYNC_RESULTS);
        pushes = output(Topics.CART_INVENTORY_PUSHES);
        cartDeadLetters = driver.createOutputTopic(Topics.CART_INVENTORY.deadLetterTopic(), new StringDeserializer(),
                new StringDeserializer());
    }

    void cart(CartInventoryObserved cart) {
        carts.pipeInput(cart.key().value(), cart, cart.observedAt());
    }

    void cartGone(String key, Instant at) {
        carts.pipeInput(key, null, at);
    }

    void rawCart(String key, String json, Instant at) {
        rawCarts.pipeInput(key, json, at);
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

    List<TestRecord<String, SkuSyncEvaluated>> results() {
        return results.readRecordsToList();
    }

    List<TestRecord<String, PushCartInventory>> pushes() {
        return pushes.readRecordsToList();
    }

    List<TestRecord<String, String>> cartDeadLetters() {
        return cartDeadLetters.readRecordsToList();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }


    @Override
    public void close() {
        driver.close();
    }
}
