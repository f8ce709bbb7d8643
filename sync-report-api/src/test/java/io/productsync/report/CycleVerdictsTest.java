package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.DeadLetters;
import io.productsync.events.EventJson;
import io.productsync.events.EventTypes;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Cycle verdicts on sync-results (header {@code event-type: CartCycleVerified}) through the whole service on an
 * embedded broker and a real PostgreSQL: the rows they move, the carts page and summary, and an unknown type.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleVerdictsTest {

    private static final Instant SYNCED = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant CYCLE = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant COMPLETED = Instant.parse("2026-11-27T10:00:07Z");

    private ConfigurableApplicationContext app;
    private KafkaProducer<String, byte[]> producer;
    private String brokers;
    private ApiClient api;
    private String site;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("cycles"), "--productsync.kafka.partitions=2");
        WriterTopics.create(brokers, 2);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new ApiClient(port);
        site = "http://localhost:" + port;
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        producer.close();
        app.close();
    }

    @Test
    void aVerdictMovesItsPartitionsSyncedRowsAndShowsAsTheCartsLastFullCycle() {
        CartConnectionConfigured cart =
                new CartConnectionConfigured("cycles", "shop", "main", true, true, Duration.ofSeconds(10), SYNCED);
        send(Topics.CART_CONNECTIONS.name(), null, cart.key().value(), json(cart), null);
        result(0, "A", SyncOutcome.VERIFIED);
        result(0, "PUSHING", SyncOutcome.VERIFIED);
        result(0, "NEVER", SyncOutcome.NOT_SYNCED);
        result(1, "ELSEWHERE", SyncOutcome.VERIFIED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("cycles/carts/shop/product-sync")
                                .body()
                                .path("items") // a 404 (no cart and no row read yet) has none
                                .size()
                        == 4);
        assertThat(api.get("cycles/carts/shop/product-sync/summary")
                        .body()
                        .get("lastCycle")
                        .isNull())
                .isTrue();

        verdict(0, List.of("PUSHING"));

        await().atMost(Duration.ofSeconds(30)).until(() -> CYCLE.toString().equals(lastSync("A")));
        assertThat(lastSync("PUSHING")).isEqualTo(SYNCED.toString());
        assertThat(lastSync("NEVER")).isNull();
        assertThat(lastSync("ELSEWHERE")).isEqualTo(SYNCED.toString());
        var lastCycle = api.get("cycles/carts/shop/product-sync/summary").body().get("lastCycle");
        assertThat(lastCycle.get("cycleAt").asString()).isEqualTo(CYCLE.toString());
        assertThat(lastCycle.get("completedAt").asString()).isEqualTo(COMPLETED.toString());
        // The cart's row comes from cart-connections, whose listener may still be behind the results' listener.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> page("/tenants/cycles").contains("Last full cycle finished"));
        String cartsPage = page("/tenants/cycles");
        assertThat(cartsPage)
                .contains("Last full cycle finished")
                .contains("datetime=\"" + COMPLETED + "\"")
                .contains("datetime=\"" + CYCLE + "\"");
    }

    @Test
    void aRecordOfAnUnknownEventTypeGoesToTheDeadLetterTopicAndTheNextResultsStillApply() {
        byte[] value = "{\"tenantId\":\"odd\"}".getBytes(StandardCharsets.UTF_8);
        send(Topics.SYNC_RESULTS.name(), 0, "odd/shop", value, "CartCycleExploded");
        result(0, "odd", "AFTER", SyncOutcome.VERIFIED);

        ConsumerRecord<String, byte[]> deadLetter =
                TopicRecords.until(brokers, Topics.SYNC_RESULTS.deadLetterTopic(), "odd/shop").stream()
                        .filter(record -> "odd/shop".equals(record.key()))
                        .findFirst()
                        .orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(value);
        assertThat(new String(
                        deadLetter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("unknown event-type 'CartCycleExploded' on sync-results: this service reads no header or"
                        + " one of [CartCycleVerified]");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("odd/carts/shop/product-sync/items/AFTER").status() == 200);
    }

    private String lastSync(String sku) {
        var row = api.get("cycles/carts/shop/product-sync/items/" + sku).body();
        return row.get("lastCartSyncDate").isNull()
                ? null
                : row.get("lastCartSyncDate").asString();
    }

    private void result(int partition, String sku, SyncOutcome outcome) {
        result(partition, "cycles", sku, outcome);
    }

    private void result(int partition, String tenant, String sku, SyncOutcome outcome) {
        boolean synced = outcome.synced();
        SkuSyncEvaluated result = new SkuSyncEvaluated(
                UUID.randomUUID(),
                tenant,
                "shop",
                sku,
                true,
                outcome,
                synced ? null : SyncReason.NO_WMS_MATCH,
                null,
                synced ? sku : null,
                synced ? MatchedVia.SKU : null,
                4L,
                synced ? 4L : null,
                null,
                synced ? SYNCED : null,
                SYNCED);
        send(Topics.SYNC_RESULTS.name(), partition, result.key().value(), json(result), null);
    }

    private void verdict(int partition, List<String> unverified) {
        CartCycleVerified verdict = new CartCycleVerified(
                UUID.randomUUID(), "cycles", "shop", CYCLE, COMPLETED, partition, unverified, COMPLETED);
        send(
                Topics.SYNC_RESULTS.name(),
                partition,
                verdict.key().value(),
                json(verdict),
                EventTypes.CART_CYCLE_VERIFIED);
    }

    private void send(String topic, Integer partition, String key, byte[] value, String eventType) {
        RecordHeaders headers = new RecordHeaders();
        if (eventType != null) {
            EventTypes.mark(headers, eventType);
        }
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value, headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    private String page(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(Operator.request(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private static byte[] json(Object value) {
        return EventJson.MAPPER.writeValueAsBytes(value);
    }
}
