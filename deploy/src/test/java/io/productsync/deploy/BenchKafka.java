package io.productsync.deploy;

import io.productsync.events.SkuPartitioner;
import io.productsync.events.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the benchmark asks the broker: end offsets of every topic (internal ones too), how far a consumer group has
 * committed, and a fast producer for the inputs. Groups are the services' own ({@code group.id} and
 * {@code application.id} are the module names), so this holds whatever the services do inside.
 */
final class BenchKafka implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    BenchKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "none",
                        // As the poller writes cart and WMS inventory: by tenant/sku.
                        ProducerConfig.PARTITIONER_CLASS_CONFIG,
                        SkuPartitioner.class),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    <V> void send(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(
                topic.name(),
                key,
                value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    void flush() {
        producer.flush();
    }

    void createTopic(String name, int partitions) {
        get(() -> admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                .all()
                .get());
    }

    /** The end offset of every partition of every topic, the broker's internal ones included. */
    Map<TopicPartition, Long> endOffsets() {
        Set<String> names = get(() -> admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get());
        return endOffsets(names);
    }

    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<String, TopicDescription> described =
                get(() -> admin.describeTopics(topics).allTopicNames().get());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described
                .values()
                .forEach(topic -> topic.partitions()
                        .forEach(
                                p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        return get(() -> admin.listOffsets(latest).all().get()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records (and transaction markers) written to all topics since {@code before}. */
    long writtenSince(Map<TopicPartition, Long> before) {
        return endOffsets().entrySet().stream()
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    /** Per topic, as above, for the largest contributors. */
    Map<String, Long> writtenSinceByTopic(Map<TopicPartition, Long> before) {
        return endOffsets().entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> e.getKey().topic(),
                        Collectors.summingLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))));
    }

    /** Sets {@code segment.ms} to {@code to} on every topic where it is {@code from}; returns those topics. */
    List<String> rollSegments(Duration from, Duration to) {
        Set<String> names = get(() -> admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get());
        Map<ConfigResource, Config> configs = get(() -> admin.describeConfigs(names.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .toList())
                .all()
                .get());
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        configs.forEach((topic, config) -> {
            if (String.valueOf(from.toMillis())
                    .equals(config.get(TopicConfig.SEGMENT_MS_CONFIG).value())) {
                changes.put(
                        topic,
                        List.of(new AlterConfigOp(
                                new ConfigEntry(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(to.toMillis())),
                                AlterConfigOp.OpType.SET)));
            }
        });
        get(() -> admin.incrementalAlterConfigs(changes).all().get());
        return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
    }

    Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** The sum of what {@code group} has committed on these topics. */
    long committedOn(String group, Collection<String> topics) {
        return committed(group).entrySet().stream()
                .filter(e -> topics.contains(e.getKey().topic()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /**
     * Whether {@code group} has committed up to the end of every partition of {@code strict} and of every other
     * partition it has committed on (the topics a Streams app reads back), there allowing one offset short: a
     * transaction's commit marker is not a record, and a consumer that only skipped it has nothing to commit.
     */
    boolean caughtUp(String group, Collection<String> strict) {
        Map<TopicPartition, Long> committed = committed(group);
        Set<String> topics = new HashSet<>(strict);
        committed.keySet().forEach(partition -> topics.add(partition.topic()));
        return endOffsets(topics).entrySet().stream().allMatch(e -> {
            long slack = strict.contains(e.getKey().topic()) ? 0 : 1;
            return committed.getOrDefault(e.getKey(), 0L) >= e.getValue() - slack;
        });
    }

    /** Whether every consumer group of the services has nothing left to read on what it has committed on. */
    boolean servicesCaughtUp() {
        return ProductSyncServices.ALL.stream().allMatch(group -> caughtUp(group, List.of()));
    }

    private static <T> T get(Call<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Call<T> {
        T get() throws ExecutionException, InterruptedException;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
