package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.EventJson;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The carts page and the View Product Sync page in a real headless Chromium, served by the whole service on an
 * embedded KRaft broker and a real PostgreSQL, with results as the matcher publishes them. Each test saves a
 * screenshot of what it checked under {@code target/screenshots/}.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSyncPagesBrowserTest {

    private static final String TENANT = "browse";
    private static final String CART = "shop";
    private static final Instant SYNCED = Instant.now().minus(Duration.ofMinutes(3));
    private static final int VERIFIED_SKUS = 55;

    private ConfigurableApplicationContext app;
    private String site;
    private Browser browser;

    @BeforeAll
    void startServiceWithACart(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("pages"), "--productsync.kafka.partitions=2");
        WriterTopics.create(brokers, 2);
        site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            CartConnectionConfigured cart =
                    new CartConnectionConfigured(TENANT, CART, "main", true, true, Duration.ofSeconds(10), SYNCED);
            producer.send(new ProducerRecord<>(
                            Topics.CART_CONNECTIONS.name(), cart.key().value(), json(cart)))
                    .get();
            for (int i = 1; i <= VERIFIED_SKUS; i++) {
                send(producer, verified("SKU-%03d".formatted(i)));
            }
            send(producer, notSynced("BDreams", SyncReason.NO_WMS_MATCH, true));
            send(producer, notSynced("GIFT-CARD-50", SyncReason.INVENTORY_DISABLED, false));
            send(producer, failed("FAIL-1", "CHANGE_REJECTED: the location is not active"));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/tenants/" + TENANT + "/carts/" + CART + "/product-sync/summary")
                        .contains("\"total\":" + (VERIFIED_SKUS + 3)));
    }

    @AfterAll
    void stopService() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCartsPageLeadsToTheTableWhichSaysWhyEachNeverRowIsNeverAndWhatToDo() {
        WebDriver page = browser.driver();
        page.get(site + "/");

        assertThat(page.getCurrentUrl()).endsWith("/tenants/demo");
        page.get(site + "/tenants/" + TENANT);
        WebElement cart = page.findElement(By.cssSelector("#carts tr[data-cart='shop']"));
        assertThat(cart.getText()).contains("shop", "sandbox", "main", String.valueOf(VERIFIED_SKUS + 3));
        browser.screenshot("carts");

        cart.findElement(By.linkText("View Product Sync")).click();

        assertThat(page.getCurrentUrl()).endsWith("/tenants/browse/carts/shop/product-sync");
        assertThat(page.findElement(By.id("count-never")).getText()).isEqualTo("3 NEVER");
        assertThat(row(page, "BDreams").getText()).contains("NEVER", "No WMS match");
        assertThat(fix(page, "BDreams")).contains("Create an alias");
        assertThat(row(page, "GIFT-CARD-50").getText())
                .startsWith("GIFT-CARD-50 No")
                .contains("Inventory not tracked");
        assertThat(fix(page, "GIFT-CARD-50")).contains("Turn on inventory tracking for this product in the cart");
        assertThat(fix(page, "FAIL-1")).contains("CHANGE_REJECTED: the location is not active");
        WebElement synced = row(page, "SKU-001");
        assertThat(synced.getText()).contains("Yes", "min ago)", "VERIFIED").doesNotContain("NEVER");
        assertThat(synced.findElement(By.tagName("time")).getAttribute("title")).endsWith("UTC");
        assertThat(page.findElements(By.cssSelector("tr[data-fix-for='SKU-001']")))
                .isEmpty();
        browser.screenshot("product-sync");
    }

    @Test
    void aCountFiltersTheTableAndTheFiltersAndPagesLiveInTheUrl() {
        WebDriver page = browser.driver();
        page.get(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");

        page.findElement(By.id("count-never")).click();

        assertThat(page.getCurrentUrl()).contains("never=true");
        assertThat(skus(page)).containsExactly("BDreams", "FAIL-1", "GIFT-CARD-50");
        browser.screenshot("product-sync-never");

        page.findElement(By.id("count-NO_WMS_MATCH")).click();
        assertThat(skus(page)).containsExactly("BDreams");

        page.get(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");
        page.findElement(By.id("skuPrefix")).sendKeys("SKU-05");
        page.findElement(By.cssSelector("form.filters button[type='submit']")).click();
        assertThat(page.getCurrentUrl()).contains("skuPrefix=SKU-05");
        assertThat(skus(page)).containsExactly("SKU-050", "SKU-051", "SKU-052", "SKU-053", "SKU-054", "SKU-055");

        page.get(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");
        List<String> first = skus(page);
        assertThat(first).hasSize(50).startsWith("BDreams", "FAIL-1", "GIFT-CARD-50", "SKU-001");
        page.findElement(By.id("next-page")).click();
        List<String> second = skus(page);
        assertThat(second)
                .containsExactly(
                        "SKU-048", "SKU-049", "SKU-050", "SKU-051", "SKU-052", "SKU-053", "SKU-054", "SKU-055");
        assertThat(page.findElements(By.id("next-page"))).isEmpty();
        assertThat(page.findElement(By.id("first-page")).isDisplayed()).isTrue();
        browser.screenshot("product-sync-page-2");
    }

    @Test
    void aWrongAddressOrFilterShowsAMessageInThePageAndTheTableFitsAPhone() {
        WebDriver page = browser.driver();

        page.get(site + "/tenants/" + TENANT + "/carts/nope/product-sync");
        assertThat(page.findElement(By.id("error")).getText()).contains("404", "tenant 'browse' has no cart 'nope'");
        page.get(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync?reason=LOST");
        assertThat(page.findElement(By.id("error")).getText()).contains("400", "reason");
        browser.screenshot("error");

        browser.width(390);
        page.get(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync?never=true");
        assertThat(row(page, "BDreams").isDisplayed()).isTrue();
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) page)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("the page itself scrolls sideways on a phone").isEqualTo(false);
        browser.screenshot("product-sync-phone");
    }

    private static WebElement row(WebDriver page, String sku) {
        return page.findElement(By.cssSelector("#product-sync tr[data-sku='" + sku + "']"));
    }

    private static String fix(WebDriver page, String sku) {
        return page.findElement(By.cssSelector("#product-sync tr[data-fix-for='" + sku + "']"))
                .getText();
    }

    private static List<String> skus(WebDriver page) {
        return page.findElements(By.cssSelector("#product-sync tbody th.sku")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, SkuSyncEvaluated result) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.SYNC_RESULTS.name(), result.key().value(), json(result)))
                .get();
    }

    private static byte[] json(Object event) {
        return EventJson.MAPPER.writeValueAsBytes(event);
    }

    private static SkuSyncEvaluated verified(String sku) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                CART,
                sku,
                true,
                SyncOutcome.VERIFIED,
                null,
                null,
                sku,
                MatchedVia.SKU,
                4L,
                4L,
                null,
                SYNCED,
                SYNCED);
    }

    private static SkuSyncEvaluated notSynced(String sku, SyncReason reason, boolean tracked) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                CART,
                sku,
                tracked,
                SyncOutcome.NOT_SYNCED,
                reason,
                null,
                null,
                null,
                6L,
                null,
                null,
                null,
                SYNCED);
    }

    private static SkuSyncEvaluated failed(String sku, String detail) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                CART,
                sku,
                true,
                SyncOutcome.FAILED,
                SyncReason.CART_REJECTED,
                detail,
                sku,
                MatchedVia.SKU,
                2L,
                5L,
                5L,
                null,
                SYNCED);
    }
}
