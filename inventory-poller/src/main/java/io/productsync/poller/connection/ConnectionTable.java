package io.productsync.poller.connection;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.DeadLetters;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The latest value of every key of the compacted {@code cart-connections} and {@code wms-connections}: one consumer,
 * assigned every partition and reading from the beginning (a table, so no group and no committed offsets), on a thread
 * of its own. A tombstone removes the key; a record that cannot be read is logged and leaves the key as it was. A
 * topic not created yet (its writer has not started) is looked for again every few seconds, as are new partitions.
 */
@Component
final class ConnectionTable implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTable.class);
    private static final Duration LOOK_FOR_PARTITIONS_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;
    private final Map<CartKey, CartConnectionConfigured> carts = new ConcurrentHashMap<>();
    private final Map<WmsKey, WmsConnectionConfigured> wmses = new ConcurrentHashMap<>();
    /** End offsets when a partition was first assigned; the table is loaded once it has read up to all of them. */
    private final Map<TopicPartition, Long> startEnds = new HashMap<>();

    private volatile boolean loaded;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    ConnectionTable(KafkaProperties properties) {
        Map<String, Object> consumer = new HashMap<>(properties.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "inventory-poller-connections");
        this.consumerProperties = consumer;
    }

    /** True once everything on both topics at start (or at their creation) has been read. */
    boolean loaded() {
        return loaded;
    }

    Map<CartKey, CartConnectionConfigured> carts() {
        return Map.copyOf(carts);
    }

    CartConnectionConfigured cart(CartKey cart) {
        return carts.get(cart);
    }

    Map<WmsKey, WmsConnectionConfigured> wmses() {
        return Map.copyOf(wmses);
    }

    WmsConnectionConfigured wms(WmsKey wms) {
        return wmses.get(wms);
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "inventory-poller-connections");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Instant lookAgainAt = Instant.MIN;
        try (KafkaConsumer<String, byte[]> reader = consumer) {
            while (running) {
                try {
                    if (!Instant.now().isBefore(lookAgainAt)) {
                        assignNewPartitions(reader);
                        lookAgainAt = Instant.now().plus(LOOK_FOR_PARTITIONS_EVERY);
                    }
                    for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                        apply(record);
                    }
                    if (!loaded && caughtUp(reader)) {
                        loaded = true;
                        log.info(
                                "connections configured through the API loaded: {} carts, {} WMSes",
                                carts.size(),
                                wmses.size());
                    }
                } catch (WakeupException e) {
                    // stop() asked; the loop condition ends it
                } catch (RuntimeException e) {
                    log.warn("reading the connection topics failed, trying again: {}", DeadLetters.reason(e));
                    lookAgainAt = Instant.MIN;
                }
            }
        }
    }

    private void assignNewPartitions(KafkaConsumer<String, byte[]> reader) {
        Set<TopicPartition> wanted = new HashSet<>(reader.assignment());
        for (Topic<String, ?> topic : List.of(Topics.CART_CONNECTIONS, Topics.WMS_CONNECTIONS)) {
            reader.partitionsFor(topic.name())
                    .forEach(info -> wanted.add(new TopicPartition(info.topic(), info.partition())));
        }
        Set<TopicPartition> added = new HashSet<>(wanted);
        added.removeAll(reader.assignment());
        if (added.isEmpty()) {
            return;
        }
        reader.assign(wanted);
        reader.seekToBeginning(added);
        if (!loaded) {
            startEnds.putAll(reader.endOffsets(added));
        }
    }

    /** A topic that does not exist yet has nothing to load. */
    private boolean caughtUp(KafkaConsumer<String, byte[]> reader) {
        return startEnds.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.CART_CONNECTIONS.name())) {
            apply(record, Topics.CART_CONNECTIONS, CartKey::parse, CartConnectionConfigured::key, carts);
        } else {
            apply(record, Topics.WMS_CONNECTIONS, WmsKey::parse, WmsConnectionConfigured::key, wmses);
        }
    }

    private static <K, V> void apply(
            ConsumerRecord<String, byte[]> record,
            Topic<String, V> topic,
            Function<String, K> parseKey,
            Function<V, K> keyOf,
            Map<K, V> table) {
        try {
            K key = parseKey.apply(record.key());
            if (record.value() == null) {
                if (table.remove(key) != null) {
                    log.info("{} {} disconnected", topic.name(), record.key());
                }
                return;
            }
            V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (!keyOf.apply(value).equals(key)) {
                throw new IllegalArgumentException("the value is for " + keyOf.apply(value) + ", not its key");
            }
            if (!value.equals(table.put(key, value))) {
                // toString() shows whether there are credentials, never them.
                log.info("{} {}: {}", topic.name(), record.key(), value);
            }
        } catch (RuntimeException e) {
            // The value is not quoted: it carries sealed credentials.
            log.warn(
                    "{}-{}@{} (key {}) cannot be read and is ignored; the key keeps what it had: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    DeadLetters.reason(e));
        }
    }
}
