package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.DeadLetters;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.matcher.system.BoundedRocksDbMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The application as deployed: booted by its builder against a real KRaft broker, exactly_once_v2, real topics. */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncMatcherWiringTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final int PARTITIONS = 2;
    private ConfigurableApplicationContext app;
    private String bootstrapServers;
    private Path stateDir;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(EmbeddedKafkaBroker broker, @TempDir Path stateDir) throws Exception {
        this.stateDir = stateDir;
        bootstrapServers = broker.getBrokersAsString();
        TestKafka.declare(bootstrapServers, TestKafka.INPUTS, PARTITIONS);
        // Command-line arguments, because builder().properties(...) are defaults that the yml overrides.
        app = SyncMatcherApplication.builder()
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--productsync.kafka.partitions=" + PARTITIONS);
        producer = TestKafka.producer(bootstrapServers);
        consumer = TestKafka.readCommitted(bootstrapServers);
        consumer.subscribe(List.of(Topics.SYNC_RESULTS.name(), Topics.CART_INVENTORY.deadLetterTopic()));
        CartConnectionConfigured connection =
                new CartConnectionConfigured("acme", "shop", "main", true, true, Duration.ofMinutes(5), T0);
        send(Topics.CART_CONNECTIONS, connection.key().value(), connection);
    }

    @AfterAll
    void stop() {
        consumer.close();
        producer.close();
        app.close();
    }

    @Test
    void runsExactlyOnceWithStateInTheConfiguredDirectory() {
        Properties config = app.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();

        assertThat(config)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "sync-matcher-v3")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString())
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS)
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100")
                .containsEntry("transaction.timeout.ms", "30000");
        assertThat(stateDir.resolve("sync-matcher-v3")).isDirectory();
        assertThat(app.getBean(StreamsBuilderFactoryBean.class)
                        .getKafkaStreams()
                        .state()
                        .isRunningOrRebalancing())
                .isTrue();
    }

    @Test
    void declaresWhatItWritesAndTheDeadLetterTopicsOfItsInputs() throws Exception {
        List<String> declared = List.of(
                "sync-results",
                "cart-inventory-pushes",
                "cart-inventory-dlt",
                "wms-inventory-dlt",
                "product-aliases-dlt",
                "cart-connections-dlt",
                "sync-matcher-product-aliases-broadcast",
                "sync-matcher-cart-connections-broadcast",
                "sync-matcher-cart-inventory-rerouted",
                "sync-matcher-wms-inventory-rerouted");
        try (Admin admin = TestKafka.admin(bootstrapServers)) {
            Map<String, TopicDescription> found =
                    admin.describeTopics(declared).allTopicNames().get();

            assertThat(found.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(PARTITIONS));
        }
    }

    @Test
    void itsChangelogsAreCompactedAndRollHourlyLikeEveryDeclaredTopic() throws Exception {
        try (Admin admin = TestKafka.admin(bootstrapServers)) {
            // Streams creates them at its first assignment, which may still be on its way.
            List<String> changelogs = await().atMost(PATIENCE)
                    .until(
                            () -> admin.listTopics().names().get().stream()
                                    .filter(name -> name.startsWith("sync-matcher-v3-") && name.endsWith("-changelog"))
                                    .sorted()
                                    .toList(),
                            names -> names.size() == 5);
            assertThat(changelogs)
                    .containsExactly(
                            "sync-matcher-v3-cart-cycles-store-changelog",
                            "sync-matcher-v3-cart-skus-store-changelog",
                            "sync-matcher-v3-pending-pushes-store-changelog",
                            "sync-matcher-v3-wms-rows-store-changelog",
                            "sync-matcher-v3-wms-sku-carts-store-changelog");
            Map<ConfigResource, Config> configs = admin.describeConfigs(changelogs.stream()
                            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                            .toList())
                    .all()
                    .get();

            assertThat(configs.values()).allSatisfy(config -> {
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value())
                        .isEqualTo(String.valueOf(Topic.SEGMENT.toMillis()));
            });
        }
    }

    @Test
    void publishesVerifiedResultForMatchingCartAndWmsSku() {
        WmsInventoryObserved wms = new WmsInventoryObserved(UUID.randomUUID(), "acme", "main", "sku-1", 7, T0);
        CartInventoryObserved cart =
                new CartInventoryObserved(UUID.randomUUID(), "acme", "shop", "sku-1", true, true, 7, T0.plusSeconds(5));
        send(Topics.WMS_INVENTORY, wms.key().value(), wms);
        send(Topics.CART_INVENTORY, cart.key().value(), cart);

        SkuSyncEvaluated result = awaitResult("acme/shop/sku-1", SyncOutcome.VERIFIED);
        assertThat(result.syncedAt()).isEqualTo(cart.observedAt());
        assertThat(result.matchedWmsSku()).isEqualTo("sku-1");
    }

    @Test
    void deadLettersMalformedCartRecordAndProcessesTheNextOne() {
        String key = "acme/shop/sku-dlt";
        producer.send(
                new ProducerRecord<>(Topics.CART_INVENTORY.name(), key, "{not json".getBytes(StandardCharsets.UTF_8)));
        CartInventoryObserved cart = new CartInventoryObserved(
                UUID.randomUUID(), "acme", "shop", "sku-dlt", true, true, 3, T0.plusSeconds(5));
        send(Topics.CART_INVENTORY, key, cart);

        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.CART_INVENTORY.deadLetterTopic(), key);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .contains("not a valid CartInventoryObserved");
        assertThat(new String(
                        dead.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo("cart-inventory");
        assertThat(awaitResult(key, SyncOutcome.NOT_SYNCED).reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        TestKafka.send(producer, topic, key, value);
        producer.flush();
    }

    private SkuSyncEvaluated awaitResult(String key, SyncOutcome outcome) {
        return await().atMost(PATIENCE)
                .pollInSameThread()
                .until(
                        () -> {
                            drain();
                            return seen.stream()
                                    .filter(record -> record.topic().equals(Topics.SYNC_RESULTS.name())
                                            && record.key().equals(key))
                                    .map(record -> Topics.SYNC_RESULTS
                                            .valueSerde()
                                            .deserializer()
                                            .deserialize(record.topic(), record.value()))
                                    .filter(result -> result != null && result.outcome() == outcome)
                                    .findFirst()
                                    .orElse(null);
                        },
                        result -> result != null);
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(PATIENCE)
                .pollInSameThread()
                .until(
                        () -> {
                            drain();
                            return seen.stream()
                                    .filter(record -> record.topic().equals(topic)
                                            && record.key().equals(key))
                                    .findFirst()
                                    .orElse(null);
                        },
                        record -> record != null);
    }

    private void drain() {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    }
}
