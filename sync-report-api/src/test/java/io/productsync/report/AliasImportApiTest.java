package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.report.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The alias file import for scripts and the WMS SKU suggestions, on the whole service with an embedded KRaft broker
 * and a real PostgreSQL: a dry run publishes nothing, an import publishes the lines that pass, every refusal names its
 * line, and the suggestions follow what wms-inventory says.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasImportApiTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:15:30Z");

    private ConfigurableApplicationContext app;
    private String brokers;
    private ApiClient api;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("imports"), "--productsync.kafka.partitions=2");
        WriterTopics.create(brokers, 2);
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void aDryRunSaysWhatWouldHappenLineByLineAndPublishesNothing() {
        connectCart("dry");

        Response preview = importCsv("dry", "?dryRun=true", """
                alias,wms_sku,kind
                BDreams,BDREAMS-2024,LISTING_SKU
                MUG-UPC,MUG,EAN
                """);

        assertThat(preview.status()).isEqualTo(200);
        JsonNode report = preview.body();
        assertThat(report.get("applied").asBoolean()).isFalse();
        assertThat(report.get("added").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(report.get("lines").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(report.get("lines").get(1).get("action").asString()).isEqualTo("REFUSE");
        assertThat(report.get("lines").get(1).get("reason").asString())
                .isEqualTo("kind 'EAN' is not one of SKU, UPC, MPN, ASIN, LISTING_SKU, OTHER");
        // Only the marker sent after the dry run is on the topic for this tenant.
        assertThat(api.put("dry/aliases/MARKER", "{\"wmsSku\":\"M\",\"kind\":\"SKU\"}")
                        .status())
                .isEqualTo(202);
        List<String> keys = TopicRecords.until(brokers, Topics.PRODUCT_ALIASES.name(), "dry/MARKER").stream()
                .map(ConsumerRecord::key)
                .filter(key -> key.startsWith("dry/"))
                .toList();
        assertThat(keys).containsExactly("dry/MARKER");
    }

    @Test
    void anImportPublishesTheLinesThatPassAndReportsTheRefusedOnesWithTheirLineNumbers() {
        connectCart("bulk");

        Response applied = importCsv("bulk", "", """
                alias,wms_sku,kind
                BDreams,BDREAMS-2024,LISTING_SKU

                "TEE, RED",TEE-RED,SKU
                SELF,SELF,SKU
                """);

        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        assertThat(applied.body().get("added").asInt()).isEqualTo(2);
        JsonNode refused = applied.body().get("lines").get(2);
        assertThat(refused.get("line").asInt()).isEqualTo(5);
        assertThat(refused.get("reason").asString()).startsWith("alias 'SELF' points to itself");
        ConsumerRecord<String, byte[]> published =
                TopicRecords.until(brokers, Topics.PRODUCT_ALIASES.name(), "bulk/TEE, RED").stream()
                        .filter(r -> r.key().equals("bulk/TEE, RED"))
                        .findFirst()
                        .orElseThrow();
        ProductAliasChanged change = Topics.PRODUCT_ALIASES
                .valueSerde()
                .deserializer()
                .deserialize(Topics.PRODUCT_ALIASES.name(), published.value());
        assertThat(change.wmsSku()).isEqualTo("TEE-RED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(aliases("bulk")).containsExactly("BDreams", "TEE, RED"));

        Response again = importCsv("bulk", "?dryRun=true", """
                alias,wms_sku,kind
                BDreams,BDREAMS-2024,LISTING_SKU
                TEE-RED,TEE,SKU
                """);

        assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.body().get("lines").get(1).get("reason").asString())
                .startsWith("'TEE-RED' is the wmsSku of alias 'TEE, RED'");
    }

    @Test
    void aFileThatCannotBeReadAppliesNothingAndOneOverALimitIs413() {
        connectCart("limits");
        StringBuilder tooManyLines = new StringBuilder("alias,wms_sku,kind\n");
        for (int i = 0; i <= 10_000; i++) {
            tooManyLines.append("A").append(i).append(",B,SKU\n");
        }

        Response lines = importCsv("limits", "", tooManyLines.toString());
        Response bytes = api.send("POST", "limits/aliases/import", "text/csv", new byte[2 * 1024 * 1024 + 1]);
        Response noHeader = importCsv("limits", "", "A,B,SKU\n");
        Response latin1 = api.send(
                "POST",
                "limits/aliases/import",
                "text/csv",
                "alias,wms_sku,kind\nCAF\u00c9,B,SKU\n".getBytes(StandardCharsets.ISO_8859_1));
        Response json = api.send("POST", "limits/aliases/import", "{}");
        Response badFlag = importCsv("limits", "?dryRun=maybe", "alias,wms_sku,kind\n");

        assertThat(lines.status()).isEqualTo(413);
        assertThat(lines.detail()).contains("more than 10000 aliases");
        assertThat(bytes.status()).isEqualTo(413);
        assertThat(bytes.contentType()).startsWith("application/problem+json");
        assertThat(bytes.detail()).startsWith("the file is larger than 2 MB");
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.detail()).startsWith("the first line must be the header 'alias,wms_sku,kind'");
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.detail()).startsWith("the file is not UTF-8 text (line 2");
        assertThat(json.status()).isEqualTo(415);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.detail()).isEqualTo("dryRun must be true or false, was 'maybe'");
        assertThat(aliases("limits")).isEmpty();
    }

    @Test
    void suggestionsFollowTheWmsSkusOnWmsInventoryAndAnUnreadableRecordIsDeadLettered() {
        connectCart("hints");
        observe("hints", "B-DREAMS", false);
        observe("hints", "bdreams", false);
        observe("hints", "BDREAMS-2024", false);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(suggested("hints", "BDreams")).containsExactly("B-DREAMS", "bdreams"));

        observe("hints", "bdreams", true);
        TopicRecords.send(brokers, Topics.WMS_INVENTORY.name(), "hints/main/BROKEN", "{not json".getBytes());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(suggested("hints", "BDreams")).containsExactly("B-DREAMS"));
        assertThat(TopicRecords.until(brokers, Topics.WMS_INVENTORY.deadLetterTopic(), "hints/main/BROKEN"))
                .anyMatch(r -> new String(r.headers().lastHeader("dlt-reason").value()).contains("wms-inventory"));
        Response noSku = api.get("hints/aliases/suggestions");
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.detail()).startsWith("sku is required");
    }

    private Response importCsv(String tenant, String query, String csv) {
        return api.send("POST", tenant + "/aliases/import" + query, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> aliases(String tenant) {
        return api.get(tenant + "/aliases")
                .body()
                .get("items")
                .valueStream()
                .map(a -> a.get("alias").asString())
                .toList();
    }

    private List<String> suggested(String tenant, String sku) {
        return api.get(tenant + "/aliases/suggestions?sku=" + sku)
                .body()
                .get("wmsSkus")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private void observe(String tenant, String sku, boolean removed) {
        var observed = new WmsInventoryObserved(UUID.randomUUID(), tenant, "main", sku, 3, NOW);
        TopicRecords.send(
                brokers,
                Topics.WMS_INVENTORY.name(),
                observed.key().value(),
                removed ? null : Topics.WMS_INVENTORY.valueSerde().serializer().serialize("wms-inventory", observed));
    }

    private void connectCart(String tenant) {
        var connection = new CartConnectionConfigured(tenant, "shop", "main", true, true, Duration.ofSeconds(10), NOW);
        TopicRecords.send(
                brokers,
                Topics.CART_CONNECTIONS.name(),
                connection.key().value(),
                Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("cart-connections", connection));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(tenant + "/aliases").status() == 200);
    }
}
