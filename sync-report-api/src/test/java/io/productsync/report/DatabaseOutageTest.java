package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * While PostgreSQL is unreachable, good results wait for it instead of being dead-lettered, and a caller (whose
 * credential is looked up there) gets a 503, not a 401.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    private final String database = TestDatabase.newDatabase("outage");
    private ConfigurableApplicationContext app;
    private String brokers;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        app = RunningService.start(
                brokers,
                TestDatabase.url(database),
                "--spring.datasource.hikari.connection-timeout=500",
                "--productsync.kafka.partitions=1",
                "--productsync.report.retry-interval=100ms");
    }

    @AfterAll
    void stopService() {
        TestDatabase.allowConnections(database, true);
        app.close();
    }

    @Test
    void aCallerSignedInDuringAnOutageIsAnswered503NotA401() {
        ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        assertThat(api.get("acme/api-keys").status()).isEqualTo(200);
        TestDatabase.allowConnections(database, false);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiClient.Response answer = api.get("acme/api-keys");
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.detail()).isEqualTo("the database is unavailable; retry the request");
            });
        } finally {
            TestDatabase.allowConnections(database, true);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(api.get("acme/api-keys").status()).isEqualTo(200));
    }

    @Test
    void resultsWaitForTheDatabaseInsteadOfBecomingDeadLetters() throws Exception {
        TestDatabase.allowConnections(database, false);
        var result = new SkuSyncEvaluated(
                UUID.randomUUID(),
                "acme",
                "shop",
                "WAITS",
                true,
                SyncOutcome.NOT_SYNCED,
                SyncReason.NO_WMS_MATCH,
                null,
                null,
                null,
                1L,
                null,
                null,
                null,
                Instant.now());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.SYNC_RESULTS.name(),
                            result.key().value(),
                            Topics.SYNC_RESULTS.valueSerde().serializer().serialize("sync-results", result)))
                    .get();
        }

        try (var deadLetters = consumer(Topics.SYNC_RESULTS.deadLetterTopic())) {
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(6))
                    .until(() -> deadLetters.poll(Duration.ofMillis(200)).isEmpty());
        }
        assertThat(committedOffset()).as("not acknowledged while it waits").isNull();
        TestDatabase.allowConnections(database, true);

        var jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.url(database), "postgres", ""));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT sku FROM product_sync WHERE tenant_id = 'acme'", String.class))
                        .containsExactly("WAITS"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(committedOffset()).isEqualTo(1L));
    }

    /** The offset the service's consumer group committed on sync-results-0, null when none. */
    private Long committedOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("sync-report-api")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(Topics.SYNC_RESULTS.name(), 0));
            return committed == null ? null : committed.offset();
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "outage-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
