package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.Topics;
import io.productsync.report.ApiClient.Response;
import io.productsync.report.connection.TestKeys;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * What a body may carry, over real HTTP on the whole service: a field no request takes (one the service owns, or a
 * misspelt one) is refused naming it, values are bounded in length and characters, a JSON body over the bound is 413;
 * none of it publishes anything.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestInputTest {

    private static final String WMS = """
            {"platform":"extensiv","settings":{"customerId":"1042","facilityIds":"3"},
             "credentials":{"clientId":"client-1","clientSecret":"input-secret-1","userLogin":"ops"}}""";

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
                TestDatabase.newDatabaseUrl("request_input"),
                "--productsync.kafka.partitions=1",
                "--productsync.credentials.public-keyset=" + keys.publicKeysetJson());
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        // a tenant is known once it has a connection: its alias changes are then published, unless refused
        for (String tenant : List.of("input", "big")) {
            assertThat(api.put(tenant + "/wms/main", "{\"platform\":\"sandbox\"}")
                            .status())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void fieldsTheServiceOwnsOrThatNoBodyTakesAreRefusedNamingThem() {
        assertRefused(
                api.put("input/aliases/UPC-1", "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\",\"tenantId\":\"other\"}"),
                "tenantId",
                "'tenantId' is not a field of this body (ids come from the path; times and flags are set by the "
                        + "service); it takes kind, wmsSku");
        assertRefused(
                api.put(
                        "input/aliases/UPC-1",
                        "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\",\"changedAt\":\"2026-01-01T00:00:00Z\"}"),
                "changedAt",
                "'changedAt' is not a field of this body");
        assertRefused(
                api.put("input/wms/east", WMS.replace("{\"platform\"", "{\"credentialsSet\":true,\"platform\"")),
                "credentialsSet",
                "'credentialsSet' is not a field of this body");
        assertRefused(
                api.put("input/wms/east", WMS.replace("{\"platform\"", "{\"sealedCredentials\":\"AAAA\",\"platform\"")),
                "sealedCredentials",
                "'sealedCredentials' is not a field of this body");
        assertRefused(
                api.put(
                        "input/carts/shop",
                        "{\"platform\":\"sandbox\",\"wmsId\":\"east\",\"pollInterval\":\"PT1S\","
                                + "\"configuredAt\":\"2026-01-01T00:00:00Z\"}"),
                "configuredAt",
                "'configuredAt' is not a field of this body");
        assertRefused(
                api.put("input/aliases/UPC-1", "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\",\"wmsSKU\":\"MUG\"}"),
                "wmsSKU",
                "'wmsSKU' is not a field of this body");

        Response pasted = api.put("input/aliases/UPC-1", "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\",\"shpat_9f8e-7d\":1}");
        assertThat(pasted.status()).isEqualTo(400);
        assertThat(pasted.detail()).isEqualTo("the body has a field it does not take; it takes kind, wmsSku");
        assertThat(pasted.text()).doesNotContain("shpat_9f8e-7d");

        assertNothingPublishedBefore("input/MARKER", Topics.PRODUCT_ALIASES.name());
    }

    @Test
    void settingAndCredentialValuesAreBoundedInLengthAndCharactersWithoutEchoingThem() {
        String longUrl = "https://wms.example/" + "p".repeat(2100);
        assertRefused(
                api.put(
                        "bounds/wms/east",
                        WMS.replace("\"customerId\"", "\"baseUrl\":\"" + longUrl + "\",\"customerId\"")),
                "settings.baseUrl",
                "settings.baseUrl is longer than 2048 characters");
        String longSecret = "s".repeat(8193);
        Response tooLong = api.put("bounds/wms/east", WMS.replace("input-secret-1", longSecret));
        assertRefused(tooLong, "credentials.clientSecret", "credentials.clientSecret is longer than 8192 characters");
        assertThat(tooLong.text()).doesNotContain("sssssssss");
        Response control = api.put("bounds/wms/east", WMS.replace("input-secret-1", "input\\u0000secret"));
        assertRefused(control, "credentials.clientSecret", "credentials.clientSecret contains a control character");
        assertThat(control.text()).doesNotContain("input");

        assertThat(api.put("bounds/wms/marker", WMS).status()).isEqualTo(201);
        assertThat(TopicRecords.until(brokers, Topics.WMS_CONNECTIONS.name(), "bounds/marker").stream()
                        .map(ConsumerRecord::key)
                        .filter(key -> key.startsWith("bounds/")))
                .containsExactly("bounds/marker");
    }

    @Test
    void aJsonBodyOverTheBoundIs413AndPublishesNothing() {
        String padding = "x".repeat(70 * 1024);
        Response alias =
                api.put("big/aliases/UPC-1", "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\",\"note\":\"" + padding + "\"}");
        Response wms =
                api.put("big/wms/east", WMS.replace("\"customerId\"", "\"x\":\"" + padding + "\",\"customerId\""));

        for (Response tooLarge : List.of(alias, wms)) {
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.contentType()).startsWith("application/problem+json");
            assertThat(tooLarge.detail())
                    .isEqualTo("the JSON body is larger than 64 KB: a request body of this API is a few fields");
        }
        assertNothingPublishedBefore("big/MARKER", Topics.PRODUCT_ALIASES.name());
    }

    private void assertNothingPublishedBefore(String markerKey, String topic) {
        String tenant = markerKey.substring(0, markerKey.indexOf('/'));
        String alias = markerKey.substring(markerKey.indexOf('/') + 1);
        assertThat(api.put(tenant + "/aliases/" + alias, "{\"wmsSku\":\"MUG\",\"kind\":\"UPC\"}")
                        .status())
                .isEqualTo(202);
        assertThat(TopicRecords.until(brokers, topic, markerKey).stream()
                        .map(ConsumerRecord::key)
                        .filter(key -> key.startsWith(tenant + "/")))
                .containsExactly(markerKey);
    }

    private static void assertRefused(Response response, String field, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.detail()).startsWith(detail);
    }
}
