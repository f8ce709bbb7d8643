package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The aliases page, the alias file upload and the "Create an alias" link of a NEVER row, in a real headless Chromium,
 * served by the whole service on an embedded KRaft broker and a real PostgreSQL. Screenshots under
 * {@code target/screenshots/}.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasPagesBrowserTest {

    private static final String TENANT = "aliasing";
    private static final String CART = "shop";
    private static final Instant NOW = Instant.now();

    private ConfigurableApplicationContext app;
    private String brokers;
    private String site;
    private ApiClient api;
    private Browser browser;

    @BeforeAll
    void startServiceWithANeverRowAndItsWms(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        app = RunningService.start(
                brokers, TestDatabase.newDatabaseUrl("alias_pages"), "--productsync.kafka.partitions=2");
        WriterTopics.create(brokers, 2);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        site = "http://localhost:" + port;
        api = new ApiClient(port);
        var cart = new CartConnectionConfigured(TENANT, CART, "main", true, true, Duration.ofSeconds(10), NOW);
        TopicRecords.send(
                brokers,
                Topics.CART_CONNECTIONS.name(),
                cart.key().value(),
                Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("cart-connections", cart));
        var never = new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                CART,
                "BDreams",
                true,
                SyncOutcome.NOT_SYNCED,
                SyncReason.NO_WMS_MATCH,
                null,
                null,
                null,
                3L,
                null,
                null,
                null,
                NOW);
        TopicRecords.send(
                brokers,
                Topics.SYNC_RESULTS.name(),
                never.key().value(),
                Topics.SYNC_RESULTS.valueSerde().serializer().serialize("sync-results", never));
        for (String wmsSku : List.of("B-DREAMS", "MUG-BLUE", "TEE-RED")) {
            var observed = new WmsInventoryObserved(UUID.randomUUID(), TENANT, "main", wmsSku, 6, NOW);
            TopicRecords.send(
                    brokers,
                    Topics.WMS_INVENTORY.name(),
                    observed.key().value(),
                    Topics.WMS_INVENTORY.valueSerde().serializer().serialize("wms-inventory", observed));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(TENANT + "/aliases/suggestions?sku=BDreams")
                                .text()
                                .contains("B-DREAMS")
                        && api.get(TENANT + "/carts/" + CART + "/product-sync/summary")
                                .text()
                                .contains("\"total\":1"));
    }

    @AfterAll
    void stopService() {
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
    void anAliasIsAddedAndDeletedInThePageAndARefusedOneShowsWhy() {
        WebDriver page = browser.driver();
        browser.go(site + "/tenants/" + TENANT + "/aliases");

        add("LISTING-7", "MUG-BLUE", "LISTING_SKU");

        assertThat(page.getCurrentUrl()).endsWith("/tenants/" + TENANT + "/aliases");
        assertThat(browser.text(By.id("message"))).startsWith("Saved alias 'LISTING-7' -> 'MUG-BLUE'");
        WebElement row = awaitRow("LISTING-7");
        assertThat(row.getText()).contains("MUG-BLUE", "LISTING_SKU");
        browser.screenshot("aliases-added");

        add("UPC-9", "LISTING-7", "UPC");

        assertThat(browser.text(By.id("error")))
                .isEqualTo("wmsSku 'LISTING-7' is itself an alias (of 'MUG-BLUE'): aliases resolve in one hop, so"
                        + " point 'UPC-9' at 'MUG-BLUE' directly");
        assertThat(browser.find(By.id("alias")).getAttribute("value")).isEqualTo("UPC-9");
        assertThat(new Select(browser.find(By.id("kind")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("UPC");
        browser.screenshot("aliases-refused");

        browser.follow(browser.find(By.cssSelector("#aliases tr[data-alias='LISTING-7'] button.delete")));

        assertThat(browser.text(By.id("message"))).startsWith("Deleted alias 'LISTING-7'");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.reload();
            assertThat(page.findElements(By.cssSelector("#aliases tr[data-alias='LISTING-7']")))
                    .isEmpty();
        });
        browser.screenshot("aliases-deleted");
    }

    @Test
    void anUploadedFileIsPreviewedWithItsRefusedLinesAndAppliedOnlyOnceConfirmed() throws IOException {
        Path file = Files.createTempFile("aliases", ".csv");
        Files.writeString(file, """
                alias,wms_sku,kind
                UPC-100,TEE-RED,UPC
                UPC-200,TEE-RED,EAN
                UPC-300,MUG-BLUE,UPC
                """);
        WebDriver page = browser.driver();
        browser.go(site + "/tenants/" + TENANT + "/aliases");

        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.follow(browser.find(By.cssSelector("#import-aliases button[type='submit']")));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Preview of the alias upload");
        assertThat(browser.find(By.cssSelector("#refused tr[data-line='3']")).getText())
                .contains("UPC-200", "kind 'EAN' is not one of SKU, UPC");
        assertThat(texts("#added tbody td.sku")).containsExactly("UPC-100", "UPC-300");
        assertThat(browser.text(By.id("summary"))).startsWith("Nothing is saved yet");
        browser.screenshot("alias-upload-preview");
        assertThat(api.get(TENANT + "/aliases?aliasPrefix=UPC-")
                        .body()
                        .get("items")
                        .isEmpty())
                .isTrue();

        browser.follow(browser.find(By.cssSelector("#confirm-import button[type='submit']")));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Alias upload applied");
        assertThat(browser.text(By.id("summary"))).startsWith("Saved 2 new and 0 changed aliases");
        browser.reload();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Alias upload applied");
        browser.screenshot("alias-upload-applied");
        browser.follow(browser.find(By.id("to-aliases")));
        browser.find(By.id("aliasPrefix")).sendKeys("UPC-");
        browser.follow(browser.find(By.cssSelector("form.filters button[type='submit']")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.reload();
            assertThat(texts("#aliases tbody th.sku")).containsExactly("UPC-100", "UPC-300");
        });
        assertThat(page.getCurrentUrl()).contains("aliasPrefix=UPC-");
        browser.screenshot("alias-upload-listed");

        browser.go(site + "/tenants/" + TENANT + "/aliases/import/" + UUID.randomUUID());
        assertThat(browser.text(By.id("error"))).contains("404", "upload the file again");
        browser.go(site + "/tenants/ghost/aliases");
        assertThat(browser.text(By.id("error"))).contains("404", "tenant 'ghost' is not known");
    }

    @Test
    void theNeverRowsCreateAnAliasLinkOpensTheFormPrefilledWithTheSuggestedWmsSkuAndSavingReturnsToTheTable() {
        WebDriver page = browser.driver();
        browser.go(site + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync");

        browser.follow(browser.find(By.cssSelector("#product-sync tr[data-fix-for='BDreams']"))
                .findElement(By.linkText("Create an alias")));

        assertThat(browser.find(By.id("alias")).getAttribute("value")).isEqualTo("BDreams");
        assertThat(browser.find(By.id("wmsSku")).getAttribute("value")).isEqualTo("B-DREAMS");
        assertThat(browser.text(By.id("suggested"))).contains("B-DREAMS");
        browser.screenshot("alias-from-never-row");

        browser.follow(browser.find(By.cssSelector("#add-alias button[type='submit']")));

        assertThat(page.getCurrentUrl()).endsWith("/tenants/" + TENANT + "/carts/" + CART + "/product-sync");
        ConsumerRecord<String, byte[]> published =
                TopicRecords.until(brokers, Topics.PRODUCT_ALIASES.name(), TENANT + "/BDreams").stream()
                        .filter(r -> r.key().equals(TENANT + "/BDreams"))
                        .findFirst()
                        .orElseThrow();
        ProductAliasChanged change = Topics.PRODUCT_ALIASES
                .valueSerde()
                .deserializer()
                .deserialize(Topics.PRODUCT_ALIASES.name(), published.value());
        assertThat(change.wmsSku()).isEqualTo("B-DREAMS");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                api.get(TENANT + "/aliases?aliasPrefix=BD").text())
                        .contains("\"wmsSku\":\"B-DREAMS\""));

        browser.width(390);
        browser.go(site + "/tenants/" + TENANT + "/aliases?alias=BDreams&cart=" + CART);
        Object overflow = ((JavascriptExecutor) page)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("the aliases page scrolls sideways on a phone").isEqualTo(false);
        browser.screenshot("aliases-phone");
    }

    private void add(String alias, String wmsSku, String kind) {
        WebElement form = browser.find(By.id("add-alias"));
        form.findElement(By.id("alias")).clear();
        form.findElement(By.id("alias")).sendKeys(alias);
        form.findElement(By.id("wmsSku")).clear();
        form.findElement(By.id("wmsSku")).sendKeys(wmsSku);
        new Select(form.findElement(By.id("kind"))).selectByVisibleText(kind);
        browser.follow(form.findElement(By.cssSelector("button[type='submit']")));
    }

    private WebElement awaitRow(String alias) {
        By row = By.cssSelector("#aliases tr[data-alias='" + alias + "']");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.reload();
            assertThat(browser.driver().findElements(row)).hasSize(1);
        });
        return browser.find(row);
    }

    private List<String> texts(String css) {
        return browser.texts(By.cssSelector(css));
    }
}
