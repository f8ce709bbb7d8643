package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.ConfirmSnapshotRemoval;
import io.productsync.events.DeadLetters;
import io.productsync.events.EventJson;
import io.productsync.events.HoldReason;
import io.productsync.events.MatchedVia;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.SourceKind;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/** The whole service, started through its builder, on an embedded KRaft broker and a real PostgreSQL. */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncReportWiringTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:15:30Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext app;
    private KafkaProducer<String, byte[]> producer;
    private String brokers;
    private String api;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("wiring"), "--productsync.kafka.partitions=2");
        // Created after the service started, as their writers may be: its listeners wait for them.
        WriterTopics.create(brokers, 2);
        api = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/v1/tenants/";
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    void stopService() {
        producer.close();
        app.close();
    }

    @Test
    void springSecurityObservesNoFilterWhileRequestsAreStillObserved() {
        ObservationRegistry registry = app.getBean(ObservationRegistry.class);

        Observation request = Observation.start("http.server.requests", registry);
        Observation filterChain = Observation.start("spring.security.filterchains", registry);
        request.stop();
        filterChain.stop();

        assertThat(request.isNoop()).isFalse();
        assertThat(filterChain.isNoop()).isTrue();
    }

    @Test
    void resultsOnSyncResultsAppearThroughTheApiAndTombstonesRemoveThem() {
        connectCart("wired", "shop");
        publish(result("wired", "TEE/RED/M", SyncOutcome.VERIFIED, null));
        publish(result("wired", "BDreams", SyncOutcome.NOT_SYNCED, SyncReason.NO_WMS_MATCH));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(skus(get("wired/carts/shop/product-sync"))).containsExactly("BDreams", "TEE/RED/M"));
        JsonNode one = get("wired/carts/shop/product-sync/items/TEE/RED/M").body();
        assertThat(one.get("lastCartSyncDate").asString()).isEqualTo("2026-11-27T09:15:30Z");
        assertThat(get("wired/carts/shop/product-sync/items/TEE%2FRED%2FM")
                        .body()
                        .get("sku")
                        .asString())
                .isEqualTo("TEE/RED/M");
        JsonNode never = get("wired/carts/shop/product-sync/items/BDreams").body();
        assertThat(never.has("lastCartSyncDate")).isTrue();
        assertThat(never.get("lastCartSyncDate").isNull()).isTrue();
        assertThat(get("wired/carts/shop/product-sync/summary")
                        .body()
                        .get("never")
                        .asInt())
                .isEqualTo(1);

        send(Topics.SYNC_RESULTS.name(), null, "wired/shop/BDreams", null);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(skus(get("wired/carts/shop/product-sync"))).containsExactly("TEE/RED/M"));
    }

    @Test
    void malformedResultGoesToTheDeadLetterTopicWithItsReasonAndLaterResultsStillApply() {
        byte[] malformed = "{\"tenantId\":\"poison\",\"sku\":".getBytes(StandardCharsets.UTF_8);
        send(Topics.SYNC_RESULTS.name(), 0, "poison/shop/A", bytes(result("poison", "A", SyncOutcome.VERIFIED, null)));
        send(Topics.SYNC_RESULTS.name(), 0, "poison/shop/BAD", malformed);
        send(Topics.SYNC_RESULTS.name(), 0, "poison/shop/B", bytes(result("poison", "B", SyncOutcome.VERIFIED, null)));
        send(
                Topics.SYNC_RESULTS.name(),
                0,
                "poison/shop/C",
                bytes(result("poison", "NOT-C", SyncOutcome.VERIFIED, null)));
        send(Topics.SYNC_RESULTS.name(), 0, "poison/shop/D", bytes(result("poison", "D", SyncOutcome.VERIFIED, null)));

        ConsumerRecord<String, byte[]> deadLetter =
                firstRecord(Topics.SYNC_RESULTS.deadLetterTopic(), "poison/shop/BAD");
        assertThat(deadLetter.value()).isEqualTo(malformed);
        assertThat(header(deadLetter, DeadLetters.REASON)).startsWith("not a valid SkuSyncEvaluated on sync-results");
        assertThat(header(deadLetter, DeadLetters.SOURCE_TOPIC)).isEqualTo("sync-results");
        assertThat(header(deadLetter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo("sync-results");
        ConsumerRecord<String, byte[]> disagreeing =
                firstRecord(Topics.SYNC_RESULTS.deadLetterTopic(), "poison/shop/C");
        assertThat(header(disagreeing, DeadLetters.REASON))
                .isEqualTo("key 'poison/shop/C' on sync-results disagrees with the value's key 'poison/shop/NOT-C'");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(skus(get("poison/carts/shop/product-sync"))).containsExactly("A", "B", "D"));
    }

    @Test
    void puttingAnAliasPublishesItAndTheListShowsItUntilItIsDeleted() {
        connectCart("aliased", "shop");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("aliased/aliases").status() == 200);

        Response put = send("PUT", "aliased/aliases/LISTING/42", "{\"wmsSku\":\"MUG-BLUE\",\"kind\":\"LISTING_SKU\"}");

        assertThat(put.status()).isEqualTo(202);
        assertThat(put.body().get("alias").asString()).isEqualTo("LISTING/42");
        ConsumerRecord<String, byte[]> published = firstRecord(Topics.PRODUCT_ALIASES.name(), "aliased/LISTING/42");
        ProductAliasChanged change =
                Topics.PRODUCT_ALIASES.valueSerde().deserializer().deserialize("product-aliases", published.value());
        assertThat(change.wmsSku()).isEqualTo("MUG-BLUE");
        assertThat(change.changedAt()).isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("aliased/aliases")
                                .body()
                                .get("items")
                                .valueStream()
                                .map(a -> a.get("alias").asString()))
                        .containsExactly("LISTING/42"));

        assertThat(send("DELETE", "aliased/aliases/LISTING%2F42", null).status())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                get("aliased/aliases").body().get("items").isEmpty())
                        .isTrue());
    }

    @Test
    void aliasRequestsSayWhatToFixAndUnknownTenantsAreNotFound() {
        connectCart("strict", "shop");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("strict/aliases").status() == 200);

        Response badKind = send("PUT", "strict/aliases/X1", "{\"wmsSku\":\"MUG\",\"kind\":\"EAN\"}");
        Response noSku = send("PUT", "strict/aliases/X1", "{\"kind\":\"UPC\"}");
        Response noKind = send("PUT", "strict/aliases/X1", "{\"wmsSku\":\"MUG\"}");

        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.contentType()).startsWith("application/problem+json");
        assertThat(badKind.body().get("detail").asString())
                .isEqualTo("kind 'EAN' is not one of SKU, UPC, MPN, ASIN, LISTING_SKU, OTHER");
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.body().get("detail").asString()).isEqualTo("wmsSku is required");
        assertThat(noKind.body().get("detail").asString()).startsWith("kind is required, one of SKU, UPC");
        for (Response unknown : List.of(
                get("ghost/aliases"),
                send("PUT", "ghost/aliases/X1", "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\"}"),
                send("DELETE", "ghost/aliases/X1", null))) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.body().get("detail").asString()).contains("tenant 'ghost' is not known");
        }
    }

    @Test
    void aliasesResolveInOneHopSoSelfReferencesChainsCyclesAndNonTextAreRefused() {
        connectCart("chains", "shop");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("chains/aliases").status() == 200);
        assertThat(send("PUT", "chains/aliases/UPC-1", "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\"}")
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                get("chains/aliases").body().get("items").size())
                        .isEqualTo(1));

        Response self = send("PUT", "chains/aliases/MUG", "{\"wmsSku\":\"MUG\",\"kind\":\"SKU\"}");
        Response toAnAlias = send("PUT", "chains/aliases/LISTING-1", "{\"wmsSku\":\"UPC-1\",\"kind\":\"UPC\"}");
        Response ofATarget = send("PUT", "chains/aliases/MUG", "{\"wmsSku\":\"MUG-2\",\"kind\":\"SKU\"}");
        Response cycle = send("PUT", "chains/aliases/MUG", "{\"wmsSku\":\"UPC-1\",\"kind\":\"SKU\"}");
        Response number = send("PUT", "chains/aliases/EAN-1", "{\"wmsSku\":123,\"kind\":\"UPC\"}");
        Response bool = send("PUT", "chains/aliases/EAN-1", "{\"wmsSku\":\"MUG\",\"kind\":true}");

        for (Response refused : List.of(self, toAnAlias, ofATarget, cycle, number, bool)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(self.body().get("detail").asString()).startsWith("alias 'MUG' points to itself");
        assertThat(toAnAlias.body().get("detail").asString())
                .startsWith("wmsSku 'UPC-1' is itself an alias (of 'MUG'): aliases resolve in one hop");
        assertThat(ofATarget.body().get("detail").asString())
                .startsWith("'MUG' is the wmsSku of alias 'UPC-1': aliases resolve in one hop");
        assertThat(cycle.body().get("detail").asString())
                .isEqualTo("'MUG' -> 'UPC-1' would make a cycle: 'UPC-1' is already an alias of 'MUG'");
        assertThat(number.body().get("detail").asString()).startsWith("'wmsSku' has the wrong JSON type");
        assertThat(bool.body().get("detail").asString()).startsWith("'kind' has the wrong JSON type");
    }

    @Test
    void heldSnapshotsShowInTheTenantsListAndTheCartsSummaryAndCanBeConfirmed() {
        connectCart("held", "shop");
        Instant heldSince = Instant.parse("2026-11-27T09:20:00Z");
        holdSnapshot(new SnapshotHeld(
                UUID.randomUUID(),
                "held",
                SourceKind.CART,
                "shop",
                HoldReason.MASS_REMOVAL,
                5000,
                2501,
                1,
                3,
                heldSince,
                heldSince));
        holdSnapshot(new SnapshotHeld(
                UUID.randomUUID(),
                "held",
                SourceKind.WMS,
                "main",
                HoldReason.EMPTY_SNAPSHOT,
                40,
                40,
                2,
                3,
                heldSince,
                heldSince.plusSeconds(10)));
        holdSnapshot(new SnapshotHeld(
                UUID.randomUUID(),
                "held",
                SourceKind.WMS,
                "other",
                HoldReason.EMPTY_SNAPSHOT,
                7,
                7,
                1,
                3,
                heldSince,
                heldSince));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(sources(get("held/snapshot-holds").body()))
                                .containsExactly("cart/shop", "wms/main", "wms/other"));
        JsonNode summary = get("held/carts/shop/product-sync/summary").body();
        assertThat(sources(summary.get("snapshotHolds"))).containsExactly("cart/shop", "wms/main");
        JsonNode cartHold = summary.get("snapshotHolds").get(0);
        assertThat(cartHold.get("missingSkus").asLong()).isEqualTo(2501);
        assertThat(cartHold.get("description").asString())
                .isEqualTo("the last snapshot of the cart 'shop' would have removed 2,501 of 5,000 SKUs; held since "
                        + "2026-11-27T09:20:00Z (seen 1 of 3 cycles); applied after 3 cycles or when you confirm");

        Response confirmed = send("POST", "held/snapshot-holds/cart/shop/confirm", null);

        assertThat(confirmed.status()).isEqualTo(202);
        ConsumerRecord<String, byte[]> published =
                firstRecord(Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS.name(), "held/cart/shop");
        ConfirmSnapshotRemoval confirmation = Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS
                .valueSerde()
                .deserializer()
                .deserialize(Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS.name(), published.value());
        assertThat(confirmation.heldSince()).isEqualTo(heldSince);
        assertThat(confirmation.sourceKind()).isEqualTo(SourceKind.CART);
        assertThat(confirmed.body().get("eventId").asString())
                .isEqualTo(confirmation.eventId().toString());

        send(Topics.INVENTORY_SNAPSHOT_HOLDS.name(), null, "held/cart/shop", null);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(sources(get("held/snapshot-holds").body()))
                                .containsExactly("wms/main", "wms/other"));
        Response nothingHeld = send("POST", "held/snapshot-holds/cart/shop/confirm", null);
        Response badKind = send("POST", "held/snapshot-holds/store/shop/confirm", null);
        assertThat(nothingHeld.status()).isEqualTo(404);
        assertThat(nothingHeld.contentType()).startsWith("application/problem+json");
        assertThat(nothingHeld.body().get("detail").asString()).startsWith("nothing is held for cart 'shop'");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("detail").asString()).isEqualTo("source kind 'store' must be 'cart' or 'wms'");
    }

    private void holdSnapshot(SnapshotHeld held) {
        send(
                Topics.INVENTORY_SNAPSHOT_HOLDS.name(),
                null,
                held.key().value(),
                Topics.INVENTORY_SNAPSHOT_HOLDS.valueSerde().serializer().serialize("inventory-snapshot-holds", held));
    }

    private static List<String> sources(JsonNode holds) {
        JsonNode items = holds.has("items") ? holds.get("items") : holds;
        // An assertion, not an exception, so that Awaitility retries an answer that is not a list yet.
        assertThat(items.isArray()).as("a list of holds in %s", holds).isTrue();
        return items.valueStream()
                .map(hold -> hold.get("sourceKind").asString() + "/"
                        + hold.get("sourceId").asString())
                .toList();
    }

    private record Response(int status, String contentType, JsonNode body) {}

    private Response get(String path) {
        return send("GET", path, null);
    }

    private Response send(String method, String path, String json) {
        HttpRequest.BodyPublisher body =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest request = Operator.request(URI.create(api + path))
                .header("Content-Type", "application/json")
                .method(method, body)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    text.isEmpty() ? null : EventJson.MAPPER.readTree(text));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private static List<String> skus(Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.body()
                .get("items")
                .valueStream()
                .map(item -> item.get("sku").asString())
                .toList();
    }

    private void connectCart(String tenant, String cart) {
        var connection = new CartConnectionConfigured(tenant, cart, "main", true, true, Duration.ofSeconds(10), NOW);
        send(
                Topics.CART_CONNECTIONS.name(),
                null,
                connection.key().value(),
                Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("cart-connections", connection));
    }

    private void publish(SkuSyncEvaluated result) {
        send(Topics.SYNC_RESULTS.name(), null, result.key().value(), bytes(result));
    }

    private void send(String topic, Integer partition, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    private static byte[] bytes(SkuSyncEvaluated result) {
        return Topics.SYNC_RESULTS.valueSerde().serializer().serialize("sync-results", result);
    }

    private static SkuSyncEvaluated result(String tenant, String sku, SyncOutcome outcome, SyncReason reason) {
        boolean synced = outcome.synced();
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                tenant,
                "shop",
                sku,
                true,
                outcome,
                reason,
                null,
                synced ? sku : null,
                synced ? MatchedVia.SKU : null,
                4L,
                synced ? 4L : null,
                null,
                synced ? NOW : null,
                NOW);
    }

    private ConsumerRecord<String, byte[]> firstRecord(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "wiring-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> key.equals(r.key()));
            });
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
