package io.productsync.poller;

import io.productsync.events.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything on one topic from the beginning, read on demand from the test thread. */
public final class TopicRecords<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicRecords(String bootstrapServers, Topic<String, V> topic) {
        this(bootstrapServers, topic.name(), topic);
    }

    private TopicRecords(String bootstrapServers, String name, Topic<String, V> topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                .map(info -> new TopicPartition(name, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The raw records of a dead-letter topic, whose values may not parse. */
    public static TopicRecords<byte[]> deadLetters(String bootstrapServers, Topic<String, ?> topic) {
        return new TopicRecords<>(bootstrapServers, topic.deadLetterTopic(), null);
    }

    /** Reads what has arrived since the last call and returns every record so far whose key starts with the prefix. */
    public List<ConsumerRecord<String, byte[]>> withKeyPrefix(String prefix) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream()
                .filter(record -> record.key() != null && record.key().startsWith(prefix))
                .toList();
    }

    /** Reads up to the end offsets as of now, so an assertion that something is absent covers all that was written. */
    public List<ConsumerRecord<String, byte[]>> toEndWithKeyPrefix(String prefix) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return withKeyPrefix(prefix);
    }

    /** The value of a record, or null for a tombstone. */
    public V value(ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
