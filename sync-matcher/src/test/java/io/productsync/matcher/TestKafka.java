package io.productsync.matcher;

import static org.awaitility.Awaitility.await;

import io.productsync.events.SkuPartitioner;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The clients the broker tests use around the matcher: the writers' topic declarations, a producer, a reader. */
final class TestKafka {

    static final List<Topic<String, ?>> INPUTS =
            List.of(Topics.CART_INVENTORY, Topics.WMS_INVENTORY, Topics.PRODUCT_ALIASES, Topics.CART_CONNECTIONS);

    private TestKafka() {}

    /** Declares topics as their writers (poller, report) would, since the matcher only checks its inputs. */
    static void declare(String bootstrap, List<Topic<String, ?>> topics, int partitions)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(topics.stream()
                            .map(topic -> topic.declaration(partitions, (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                // Partitioned as the poller writes: a cart SKU and its WMS SKU on the partition of tenant/sku.
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.PARTITIONER_CLASS_CONFIG,
                        SkuPartitioner.class),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(
                topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    /** The matcher as deployed, on this broker, with its state in {@code stateDir}. */
    static ConfigurableApplicationContext matcher(String bootstrap, Path stateDir, int partitions) {
        return SyncMatcherApplication.builder()
                .run(
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--productsync.kafka.partitions=" + partitions);
    }

    /**
     * Until the matcher has committed its reading of these partitions, of a topic written without transactions (no
     * markers), up to their end as of now: what it wrote for them is then visible to a {@code read_committed} reader.
     */
    static void awaitConsumed(String bootstrap, List<TopicPartition> partitions) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get();
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                                SyncMatcherApplication.APPLICATION_ID)
                        .partitionsToOffsetAndMetadata()
                        .get();
                return ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    return end.getValue().offset() == 0
                            || (offset != null
                                    && offset.offset() >= end.getValue().offset());
                });
            });
        }
    }

    /** Sees committed records only, as every downstream reader of the matcher does. */
    static KafkaConsumer<String, byte[]> readCommitted(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
