package io.productsync.deploy;

import io.productsync.events.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The committed contents of a topic up to its current end, as the latest value per key with a given prefix. */
final class LatestValues {

    private LatestValues() {}

    static <V> Map<String, V> of(String bootstrapServers, Topic<String, V> topic, String keyPrefix) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        latest.put(
                                record.key(),
                                record.value() == null
                                        ? null
                                        : topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
                    }
                });
            }
        }
        latest.values().removeIf(java.util.Objects::isNull);
        return latest;
    }
}
