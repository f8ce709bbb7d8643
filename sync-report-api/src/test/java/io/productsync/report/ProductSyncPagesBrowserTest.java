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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
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
    private static final String LIVE_CART = "live";

    private ConfigurableApplicationContext app;
    private KafkaProducer<String, byte[]> producer;
    private String site;
    private Browser browser;

    @BeforeAll
    void startServiceWithTwoCarts(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("pages"), "--productsync.kafka.partitions=2");
        WriterTopics.create(brokers, 2);
        site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
        for (String cartId : List.of(CART, LIVE_CART)) {
            CartConnectionConfigured cart =
                    new CartConnectionConfigured(TENANT, cartId, "main", true, true, Duration.ofSeconds(10), SYNCED);
            producer.send(new ProducerRecord<>(
                            Topics.CART_CONNECTIONS.name(), cart.key().value(), json(cart)))
                    .get();
        }
        for (int i = 1; i <= VERIFIED_SKUS; i++) {
            send(verified(CART, "SKU-%03d".formatted(i), SYNCED));
        }
        send(notSynced(CART, "BDreams", SyncReason.NO_WMS_MATCH, true));
        send(notSynced(CART, "GIFT-CARD-50", SyncReason.INVENTORY_DISABLED, false));
        send(failed("FAIL-1", "CHANGE_REJECTED: the location is not active"));
        send(notSynced(LIVE_CART, "MUG-1", SyncReason.NO_WMS_MATCH, true));
        send(verified(LIVE_CART, "TEE-1", SYNCED));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/tenants/" + TENANT + "/carts/" + CART + "/product-sync/summary")
                                .contains("\"total\":" + (VERIFIED_SKUS + 3))
                        && get("/api/v1/tenants/" + TENANT + "/carts/" + LIVE_CART + "/product-sync/summary")
                                .contains("\"total\":2")
                        && get("/tenants/" + TENANT).contains("data-cart=\"" + CART + "\""));
    }

    @AfterAll
    void stopService() {
        if (producer != null) {
            producer.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.signedIn(site);
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
        browser.go(site + "/");

        // The only tenant there is: / shows its carts at once.
        assertThat(page.getCurrentUrl()).endsWith("/tenants/" + TENANT);
        WebElement cart = browser.find(By.cssSelector("#carts tr[data-cart='shop']"));
        assertThat(cart.getText()).contains("shop", "sandbox", "main", (VERIFIED_SKUS + 3) + " 55 3 1");
        browser.screenshot("carts");

        browser.follow(cart.findElement(By.linkText("View Product Sync")));

        assertThat(page.getCurrentUrl()).endsWith("/tenants/browse/carts/shop/product-sync");
        assertThat(browser.text(By.id("count-never"))).isEqualTo("3 NEVER");
        assertThat(browser.text(row("BDreams"))).contains("NEVER", "No WMS match");
        assertThat(fix("BDreams")).contains("Create an alias");
        assertThat(browser.text(row("GIFT-CARD-50")))
                .startsWith("GIFT-CARD-50 No")
                .contains("Inventory not tracked");
        assertThat(fix("GIFT-CARD-50")).contains("Turn on inventory tracking for this product in the cart");
        assertThat(fix("FAIL-1")).contains("CHANGE_REJECTED: the location is not active");
        WebElement synced = browser.find(row("SKU-001"));
        assertThat(synced.getText()).contains("Yes", "min ago)", "VERIFIED").doesNotContain("NEVER");
        assertThat(synced.findElement(By.tagName("time")).getAttribute("title")).endsWith("UTC");
        assertThat(page.findElements(By.cssSelector("tr[data-fix-for='SKU-001']")))
                .isEmpty();
        browser.screenshot("product-sync");
    }

    @Test
    void aCountFiltersTheTableAndTheFiltersAndPagesLiveInTheUrl() {
        WebDriver page = browser.driver();
        browser.go(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");

        browser.follow(browser.find(By.id("count-never")));

        assertThat(page.getCurrentUrl()).contains("never=true");
        assertThat(skus()).containsExactly("BDreams", "FAIL-1", "GIFT-CARD-50");
        browser.screenshot("product-sync-never");

        browser.follow(browser.find(By.id("count-NO_WMS_MATCH")));
        assertThat(skus()).containsExactly("BDreams");
        browser.follow(browser.find(By.id("count-failed")));
        assertThat(page.getCurrentUrl()).contains("outcome=FAILED");
        assertThat(skus()).containsExactly("FAIL-1");
        assertThat(new Select(browser.find(By.id("outcome")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("FAILED");

        browser.go(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");
        browser.find(By.id("skuPrefix")).sendKeys("SKU-05");
        browser.follow(browser.find(By.cssSelector("form.filters button[type='submit']")));
        assertThat(page.getCurrentUrl()).contains("skuPrefix=SKU-05");
        assertThat(skus()).containsExactly("SKU-050", "SKU-051", "SKU-052", "SKU-053", "SKU-054", "SKU-055");

        browser.go(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");
        List<String> first = skus();
        assertThat(first).hasSize(50).startsWith("BDreams", "FAIL-1", "GIFT-CARD-50", "SKU-001");
        browser.follow(browser.find(By.id("next-page")));
        List<String> second = skus();
        assertThat(second)
                .containsExactly(
                        "SKU-048", "SKU-049", "SKU-050", "SKU-051", "SKU-052", "SKU-053", "SKU-054", "SKU-055");
        assertThat(page.findElements(By.id("next-page"))).isEmpty();
        assertThat(browser.find(By.id("first-page")).isDisplayed()).isTrue();
        browser.screenshot("product-sync-page-2");

        browser.follow(browser.find(By.id("previous-page")));
        assertThat(page.getCurrentUrl()).contains("before=");
        assertThat(skus()).isEqualTo(first);
        assertThat(page.findElements(By.id("previous-page")))
                .as("back at the first page")
                .isEmpty();
        browser.follow(browser.find(By.id("next-page")));
        assertThat(skus()).isEqualTo(second);
    }

    @Test
    void aWrongAddressOrFilterShowsAMessageInThePageAndTheTableFitsAPhone() {
        WebDriver page = browser.driver();

        browser.go(site + "/tenants/" + TENANT + "/carts/nope/product-sync");
        assertThat(browser.text(By.id("error"))).contains("404", "tenant 'browse' has no cart 'nope'");
        browser.go(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync?reason=LOST");
        assertThat(browser.text(By.id("error"))).contains("400", "reason");
        browser.screenshot("error");

        browser.width(390);
        browser.go(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync?never=true");
        assertThat(browser.find(row("BDreams")).isDisplayed()).isTrue();
        Object overflow = ((JavascriptExecutor) page)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("the page itself scrolls sideways on a phone").isEqualTo(false);
        browser.screenshot("product-sync-phone");
    }

    @Test
    void aRowThatChangesWhileThePageIsOpenUpdatesInPlaceWithoutAReload() throws Exception {
        WebDriver page = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) page;
        browser.go(site + "/tenants/" + TENANT + "/carts/" + LIVE_CART + "/product-sync");
        browser.until(
                "the live stream to open",
                p -> "open".equals(p.findElement(By.id("live")).getAttribute("data-state")));
        assertThat(browser.text(row("MUG-1"))).contains("NEVER", "No WMS match");
        // Set on this document only: a reload would lose it. Records when each swapped row arrived.
        script.executeScript(
                "window.notReloaded = true; window.swaps = [];"
                        + "document.body.addEventListener('htmx:oobAfterSwap', function () { window.swaps.push(Date.now()); });");

        List<Long> delays = new ArrayList<>();
        for (int change = 1; change <= 5; change++) {
            int swapsBefore = ((Number) script.executeScript("return window.swaps.length;")).intValue();
            long sent = System.currentTimeMillis();
            send(
                    change % 2 == 1
                            ? verified(LIVE_CART, "MUG-1", Instant.now())
                            : notSynced(LIVE_CART, "MUG-1", SyncReason.NO_WMS_MATCH, true));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            ((Number) script.executeScript("return window.swaps.length;")).intValue() > swapsBefore);
            long swapped = ((Number) script.executeScript("return window.swaps[window.swaps.length - 1];")).longValue();
            delays.add(swapped - sent);
        }

        // the fifth change made it VERIFIED again
        assertThat(browser.text(row("MUG-1"))).contains("VERIFIED", "just now").doesNotContain("NEVER");
        assertThat(page.findElements(By.cssSelector("tr[data-fix-for='MUG-1']")))
                .isEmpty();
        assertThat(browser.text(row("TEE-1"))).contains("VERIFIED");
        assertThat(script.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.text(By.id("live"))).startsWith("Live");
        browser.screenshot("product-sync-live");
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "live-update-delay.txt"),
                "result sent on sync-results -> row swapped in the browser, ms: " + delays + System.lineSeparator());
    }

    private static By row(String sku) {
        return By.cssSelector("#product-sync tr[data-sku='" + sku + "']");
    }

    private String fix(String sku) {
        return browser.text(By.cssSelector("#product-sync tr[data-fix-for='" + sku + "']"));
    }

    private List<String> skus() {
        return browser.texts(By.cssSelector("#product-sync tbody th.sku"));
    }

    private String get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(Operator.request(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    private void send(SkuSyncEvaluated result) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.SYNC_RESULTS.name(), result.key().value(), json(result)))
                .get();
    }

    private static byte[] json(Object event) {
        return EventJson.MAPPER.writeValueAsBytes(event);
    }

    private static SkuSyncEvaluated verified(String cartId, String sku, Instant at) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                cartId,
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
                at,
                at);
    }

    private static SkuSyncEvaluated notSynced(String cartId, String sku, SyncReason reason, boolean tracked) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                cartId,
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
