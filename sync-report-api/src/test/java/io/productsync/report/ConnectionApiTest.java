package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.CartPlatform;
import io.productsync.events.Topics;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import io.productsync.report.ApiClient.Response;
import io.productsync.report.connection.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/** The connection API of the whole service, on an embedded KRaft broker and a real PostgreSQL. */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionApiTest {

    static final String EXTENSIV = """
            {"platform":"extensiv","settings":{"customerId":"1042","facilityIds":"3, 7"},
             "credentials":{"clientId":"client-1","clientSecret":"extensiv-secret-1","userLogin":"ops"}}""";

    static final String SHOPIFY = """
            {"platform":"shopify","wmsId":"east","pollInterval":"PT1H",
             "settings":{"shopDomain":"acme-goods.myshopify.com","apiVersion":"2026-04","locationId":"76543210987"},
             "credentials":{"accessToken":"shpat_secret_1"}}""";

    private final TestKeys keys = TestKeys.generate();
    private ConfigurableApplicationContext app;
    private ApiClient api;
    private String brokers;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        app = RunningService.start(
                brokers,
                TestDatabase.newDatabaseUrl("connections"),
                "--productsync.kafka.partitions=1",
                "--productsync.credentials.public-keyset=" + keys.publicKeysetJson());
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void aWmsAndACartConnectWithSealedCredentialsThatOnlyShowWhenTheyWereSet() throws Exception {
        Response wms = api.put("acme/wms/east", EXTENSIV);

        assertThat(wms.status()).isEqualTo(201);
        assertThat(wms.body().get("platform").asString()).isEqualTo("extensiv");
        assertThat(wms.body().get("credentialsSet").asBoolean()).isTrue();
        assertThat(wms.text()).doesNotContain("extensiv-secret-1", "client-1", "clientSecret", "sealed");
        WmsConnectionConfigured publishedWms = lastValue(Topics.WMS_CONNECTIONS.name(), "acme/east", WMS_VALUE);
        assertThat(publishedWms.settings()).containsEntry("facilityIds", "3, 7");
        assertThat(keys.open(publishedWms.sealedCredentials(), new WmsKey("acme", "east").credentialsContext()))
                .isEqualTo("{\"clientId\":\"client-1\",\"clientSecret\":\"extensiv-secret-1\",\"userLogin\":\"ops\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("acme/wms/east").status() == 200);

        Response cart = api.put("acme/carts/shop", SHOPIFY);

        assertThat(cart.status()).isEqualTo(201);
        CartConnectionConfigured publishedCart = lastValue(Topics.CART_CONNECTIONS.name(), "acme/shop", CART_VALUE);
        assertThat(publishedCart.platform()).isEqualTo(CartPlatform.SHOPIFY);
        assertThat(keys.open(publishedCart.sealedCredentials(), new CartKey("acme", "shop").credentialsContext()))
                .isEqualTo("{\"accessToken\":\"shpat_secret_1\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("acme/carts/shop").status() == 200);
        assertThat(api.get("acme/wms/east").body().get("pollInterval").isNull())
                .as("no interval of its own")
                .isTrue();
        Response ownInterval =
                api.put("acme/wms/east", EXTENSIV.replace("{\"platform\"", "{\"pollInterval\":\"PT30S\",\"platform\""));
        assertThat(ownInterval.status()).isEqualTo(200);
        assertThat(ownInterval.body().get("pollInterval").asString()).isEqualTo("PT30S");
        assertThat(lastValue(Topics.WMS_CONNECTIONS.name(), "acme/east", WMS_VALUE)
                        .pollInterval())
                .isEqualTo(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "PT30S"
                        .equals(api.get("acme/wms/east")
                                .body()
                                .path("pollInterval")
                                .asString("")));
        JsonNode shown = api.get("acme/carts/shop").body();
        assertThat(shown.get("wmsId").asString()).isEqualTo("east");
        assertThat(shown.get("pollInterval").asString()).isEqualTo("PT1H");
        assertThat(shown.get("settings").get("shopDomain").asString()).isEqualTo("acme-goods.myshopify.com");
        assertThat(shown.get("credentialsSet").asBoolean()).isTrue();
        assertThat(Instant.parse(shown.get("credentialsSetAt").asString())).isEqualTo(publishedCart.credentialsSetAt());
        assertThat(shown.has("credentials")).isFalse();
        assertThat(shown.has("sealedCredentials")).isFalse();

        Response replaced = api.put(
                "acme/carts/shop",
                SHOPIFY.replace("PT1H", "PT5M")
                        .replace(",\n \"credentials\":{\"accessToken\":\"shpat_secret_1\"}", ""));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().get("pollInterval").asString()).isEqualTo("PT5M");
        CartConnectionConfigured kept = lastValue(Topics.CART_CONNECTIONS.name(), "acme/shop", CART_VALUE);
        assertThat(kept.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(kept.sealedCredentials()).isEqualTo(publishedCart.sealedCredentials());
        assertThat(kept.credentialsSetAt()).isEqualTo(publishedCart.credentialsSetAt());
        assertThat(api.get("acme/carts")
                        .body()
                        .get("items")
                        .valueStream()
                        .map(c -> c.get("cartId").asString()))
                .containsExactly("shop");
        assertThat(api.get("acme/wms")
                        .body()
                        .get("items")
                        .valueStream()
                        .map(w -> w.get("wmsId").asString()))
                .containsExactly("east");

        Response stillFeeding = api.delete("acme/wms/east");
        assertThat(stillFeeding.status()).isEqualTo(409);
        assertThat(stillFeeding.detail()).startsWith("WMS 'east' still feeds cart shop");

        assertThat(api.delete("acme/carts/shop").status()).isEqualTo(202);
        assertThat(TopicRecords.until(brokers, Topics.CART_CONNECTIONS.name(), "acme/shop").stream()
                        .filter(r -> "acme/shop".equals(r.key()))
                        .reduce((first, second) -> second)
                        .orElseThrow()
                        .value())
                .isNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("acme/carts/shop").status() == 404);
        assertThat(api.delete("acme/wms/east").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("acme/wms/east").status() == 404);
        Response gone = api.delete("acme/wms/east");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(api.get("acme/wms").body().get("items").isEmpty()).isTrue();
    }

    @Test
    void aCartMayNameASandboxWmsThatOnlyAnotherCartsConnectionNames() {
        var sandbox = new CartConnectionConfigured(
                "demo", "demo-shop", "main", true, true, Duration.ofSeconds(10), Instant.now());
        TopicRecords.send(
                brokers,
                Topics.CART_CONNECTIONS.name(),
                sandbox.key().value(),
                Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("", sandbox));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("demo/carts/demo-shop").status() == 200);
        assertThat(api.get("demo/carts/demo-shop").body().get("platform").asString())
                .isEqualTo("sandbox");
        assertThat(api.get("demo/carts/demo-shop").body().get("credentialsSet").asBoolean())
                .isFalse();

        Response second = api.put(
                "demo/carts/second-shop",
                "{\"platform\":\"sandbox\",\"wmsId\":\"main\",\"pollInterval\":\"PT10S\",\"cartSyncEnabled\":false}");

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("cartSyncEnabled").asBoolean()).isFalse();
        assertThat(second.body().get("wmsSyncEnabled").asBoolean()).isTrue();
        assertThat(second.body().get("credentialsSet").asBoolean()).isFalse();
    }

    @Test
    void invalidConnectionsAreRefusedNamingTheFieldAndNothingIsPublished() {
        assertThat(api.put("strict/wms/east", EXTENSIV).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("strict/wms/east").status() == 200);
        String shopify = SHOPIFY;
        List<Refusal> refusals = List.of(
                new Refusal(
                        "strict/wms/fast",
                        EXTENSIV.replace("{\"platform\"", "{\"pollInterval\":\"PT0.2S\",\"platform\""),
                        "pollInterval",
                        "pollInterval 'PT0.2S' must be at least one second"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"shopify\"", "\"magento\""),
                        "platform",
                        "platform 'magento' is not one of sandbox, shopify"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"platform\":\"shopify\",", ""),
                        "platform",
                        "platform is required"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"east\"", "\"west\""),
                        "wmsId",
                        "WMS 'west' does not exist in tenant 'strict'"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"pollInterval\":\"PT1H\",", ""),
                        "pollInterval",
                        "pollInterval is required"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("PT1H", "PT-5S"),
                        "pollInterval",
                        "pollInterval 'PT-5S' must be at least one second"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("PT1H", "PT0.5S"),
                        "pollInterval",
                        "pollInterval 'PT0.5S' must be at least one second"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"PT1H\"", "\"10s\""),
                        "pollInterval",
                        "pollInterval '10s' is not an ISO-8601 duration"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"PT1H\"", "10"),
                        "pollInterval",
                        "'pollInterval' has the wrong JSON type"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("acme-goods.myshopify.com", "acme-goods.com"),
                        "settings.shopDomain",
                        "settings.shopDomain 'acme-goods.com' must be the shop's *.myshopify.com"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("2026-04", "2026-4"),
                        "settings.apiVersion",
                        "settings.apiVersion '2026-4' must be a Shopify API version YYYY-MM"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace(",\"locationId\":\"76543210987\"", ""),
                        "settings.locationId",
                        "settings.locationId is required"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"76543210987\"", "76543210987"),
                        "settings.locationId",
                        "'settings.locationId' has the wrong JSON type"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("\"shopDomain\"", "\"shop\""),
                        "settings.shop",
                        "settings.shop is not a setting of shopify; it takes apiVersion, baseUrl, locationId, shopDomain"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("accessToken", "token"),
                        "credentials",
                        "credentials has a field shopify does not take; it takes accessToken and optionally apiSecretKey"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace("{\"accessToken\":\"shpat_secret_1\"}", "{}"),
                        "credentials.accessToken",
                        "credentials.accessToken is required for shopify"),
                new Refusal(
                        "strict/carts/shop",
                        shopify.replace(",\n \"credentials\":{\"accessToken\":\"shpat_secret_1\"}", ""),
                        "credentials",
                        "credentials are required for shopify"),
                new Refusal(
                        "strict/carts/shop",
                        "{\"platform\":\"sandbox\",\"wmsId\":\"east\",\"pollInterval\":\"PT1S\","
                                + "\"credentials\":{\"accessToken\":\"x\"}}",
                        "credentials",
                        "sandbox takes no credentials"),
                new Refusal("strict/carts/Shop", shopify, "cartId", "cartId 'Shop' must match"),
                new Refusal("Strict/carts/shop", shopify, "tenantId", "tenantId 'Strict' must match"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("1042", "0"),
                        "settings.customerId",
                        "settings.customerId '0' must be a positive whole number"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("1042", "-3"),
                        "settings.customerId",
                        "settings.customerId '-3' must be a positive whole number"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("\"3, 7\"", "\"\""),
                        "settings.facilityIds",
                        "settings.facilityIds is required"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("3, 7", "3,x"),
                        "settings.facilityIds",
                        "settings.facilityIds '3,x' must be positive whole numbers"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("\"customerId\"", "\"baseUrl\":\"ftp://wms\",\"customerId\""),
                        "settings.baseUrl",
                        "settings.baseUrl 'ftp://wms' must be an absolute http(s) URL"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("\"customerId\"", "\"baseUrl\":\"https://ops:pw@wms.example\",\"customerId\""),
                        "settings.baseUrl",
                        "settings.baseUrl must not carry a user or password"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace(",\"userLogin\":\"ops\"", ""),
                        "credentials.userLogin",
                        "credentials.userLogin is required for extensiv"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("\"extensiv\"", "\"netsuite\""),
                        "platform",
                        "platform 'netsuite' is not one of sandbox, extensiv"),
                new Refusal(
                        "strict/wms/west",
                        EXTENSIV.replace("\"ops\"", "true"),
                        "credentials.userLogin",
                        "'credentials.userLogin' has the wrong JSON type"));

        for (Refusal refusal : refusals) {
            Response refused = api.put(refusal.path(), refusal.body());
            assertThat(refused.status()).as(refusal.detail()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("field").asString())
                    .as(refusal.detail())
                    .isEqualTo(refusal.field());
            assertThat(refused.detail()).startsWith(refusal.detail());
        }
        // A shop domain of another form is fine once a base URL override points at a test server.
        Response overridden = api.put(
                "strict/carts/marker",
                shopify.replace("acme-goods.myshopify.com", "localhost")
                        .replace("\"shopDomain\"", "\"baseUrl\":\"http://localhost:8089\",\"shopDomain\""));
        assertThat(overridden.status()).isEqualTo(201);

        List<String> published = TopicRecords.until(brokers, Topics.CART_CONNECTIONS.name(), "strict/marker").stream()
                .map(ConsumerRecord::key)
                .filter(key -> key.startsWith("strict/"))
                .toList();
        assertThat(published).containsExactly("strict/marker");
        assertThat(TopicRecords.until(brokers, Topics.WMS_CONNECTIONS.name(), "strict/east").stream()
                        .map(ConsumerRecord::key)
                        .filter(key -> key.startsWith("strict/")))
                .containsExactly("strict/east");
    }

    record Refusal(String path, String body, String field, String detail) {}

    private interface Reader<V> {
        V read(byte[] value);
    }

    private static final Reader<WmsConnectionConfigured> WMS_VALUE =
            value -> Topics.WMS_CONNECTIONS.valueSerde().deserializer().deserialize("", value);
    private static final Reader<CartConnectionConfigured> CART_VALUE =
            value -> Topics.CART_CONNECTIONS.valueSerde().deserializer().deserialize("", value);

    private <V> V lastValue(String topic, String key, Reader<V> reader) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.until(brokers, topic, key);
        return reader.read(records.stream()
                .filter(r -> key.equals(r.key()))
                .reduce((first, second) -> second)
                .orElseThrow()
                .value());
    }
}
