package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.EventJson;
import io.productsync.events.EventTypes;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The live rows stream as a page reads it: a result on sync-results arrives as the row's tbody, within its range. */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveRowsStreamTest {

    private ConfigurableApplicationContext app;
    private KafkaProducer<String, byte[]> producer;
    private String site;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("live"), "--productsync.kafka.partitions=2");
        WriterTopics.create(brokers, 2);
        site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
        CartConnectionConfigured cart = new CartConnectionConfigured(
                "watch", "shop", "main", true, true, Duration.ofSeconds(10), Instant.now());
        producer.send(new ProducerRecord<>(
                        Topics.CART_CONNECTIONS.name(), cart.key().value(), EventJson.MAPPER.writeValueAsBytes(cart)))
                .get();
        await().atMost(Duration.ofSeconds(60)).until(() -> status("/tenants/watch/carts/shop/product-sync") == 200);
    }

    @AfterAll
    void stop() {
        producer.close();
        app.close();
    }

    @Test
    void aChangedRowArrivesAsItsTbodyOnlyOnStreamsWhoseRangeHoldsIt() throws Exception {
        List<String> all = new CopyOnWriteArrayList<>();
        List<String> upToB = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        InputStream allStream = open(http, "/tenants/watch/carts/shop/product-sync/live", all);
        // "B" as a cursor: the page that ends at SKU B.
        InputStream rangeStream = open(http, "/tenants/watch/carts/shop/product-sync/live?to=Qg", upToB);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.contains(":live") && upToB.contains(":live"));

        send("A-1", 3);
        send("Z-9", 5);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> String.join("\n", all).contains("data-sku=\"A-1\"")
                        && String.join("\n", all).contains("data-sku=\"Z-9\""));
        assertThat(all).contains("event:rows");
        assertThat(String.join("\n", all)).contains("<tbody id=\"sku-QS0x\" hx-swap-oob=\"true\">");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> String.join("\n", upToB).contains("data-sku=\"A-1\""));
        assertThat(String.join("\n", upToB)).doesNotContain("Z-9");
        allStream.close();
        rangeStream.close();
    }

    @Test
    void aCycleVerdictRefreshesTheRowsItMovedOnTheStreamsThatShowThem() throws Exception {
        Instant synced = Instant.parse("2026-11-27T09:00:00Z");
        Instant cycleAt = Instant.parse("2026-11-27T10:00:00Z");
        send("CYCLE-1", 4, synced);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status("/api/v1/tenants/watch/carts/shop/product-sync/items/CYCLE-1") == 200);
        List<String> lines = new CopyOnWriteArrayList<>();
        InputStream stream = open(HttpClient.newHttpClient(), "/tenants/watch/carts/shop/product-sync/live", lines);
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains(":live"));

        CartCycleVerified verdict = new CartCycleVerified(
                UUID.randomUUID(), "watch", "shop", cycleAt, cycleAt.plusSeconds(5), 0, List.of(), Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.SYNC_RESULTS.name(), 0, verdict.key().value(), EventJson.MAPPER.writeValueAsBytes(verdict));
        EventTypes.mark(record.headers(), EventTypes.CART_CYCLE_VERIFIED);
        producer.send(record).get();

        // (the stream may first carry the row as the result left it)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> String.join("\n", lines).contains("datetime=\"" + cycleAt + "\""));
        assertThat(String.join("\n", lines)).contains("data-sku=\"CYCLE-1\"");
        stream.close();
    }

    private InputStream open(HttpClient http, String path, List<String> lines) throws Exception {
        HttpResponse<InputStream> response = http.send(
                Operator.request(URI.create(site + path))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        InputStream body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return body;
    }

    private void send(String sku, long quantity) throws Exception {
        send(sku, quantity, Instant.now());
    }

    /** A VERIFIED result on partition 0, where the test's verdict is sent. */
    private void send(String sku, long quantity, Instant syncedAt) throws Exception {
        SkuSyncEvaluated result = new SkuSyncEvaluated(
                UUID.randomUUID(),
                "watch",
                "shop",
                sku,
                true,
                SyncOutcome.VERIFIED,
                null,
                null,
                sku,
                MatchedVia.SKU,
                quantity,
                quantity,
                null,
                syncedAt,
                syncedAt);
        producer.send(new ProducerRecord<>(
                        Topics.SYNC_RESULTS.name(),
                        0,
                        result.key().value(),
                        EventJson.MAPPER.writeValueAsBytes(result)))
                .get();
    }

    private int status(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(Operator.request(URI.create(site + path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
