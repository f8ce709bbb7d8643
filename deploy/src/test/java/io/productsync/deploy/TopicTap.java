package io.productsync.deploy;

import io.productsync.events.EventJson;
import io.productsync.events.EventTypes;
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

/**
 * Reads everything a topic has received so far, from the beginning, for assertions on sequences of records. Records of
 * the topic's main type and records of another type (an {@link EventTypes} header: cycle facts) are kept apart.
 */
final class TopicTap<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    TopicTap(String bootstrapServers, Topic<String, V> topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-tap-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything of the topic's main type received so far with this key, oldest first. */
    List<V> valuesFor(String key) {
        return recordsFor(key).stream()
                .map(record -> topic.valueSerde().deserializer().deserialize(topic.name(), record.value()))
                .toList();
    }

    /** The records of the topic's main type with this key received so far, oldest first, as they came. */
    List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
        poll();
        return seen.stream()
                .filter(record -> EventTypes.of(record.headers()) == null)
                .filter(record -> record.key().equals(key))
                .toList();
    }

    /** Everything of another type received so far, oldest first per partition. */
    <T> List<Typed<T>> typed(String type, Class<T> valueType) {
        poll();
        return seen.stream()
                .filter(record -> EventTypes.is(record.headers(), type))
                .map(record -> new Typed<>(
                        record.partition(), record.offset(), EventJson.MAPPER.readValue(record.value(), valueType)))
                .toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }

    record Typed<T>(int partition, long offset, T value) {}
}
