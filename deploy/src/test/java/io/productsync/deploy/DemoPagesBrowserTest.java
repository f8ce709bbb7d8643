package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.report.Browser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo as a person sees it, in Debian's headless Chromium against the whole system (sandbox files, poller,
 * matcher, report on the real broker and database): the carts page, the table with its reasons, a WMS file edit
 * changing a row in place, and an alias made from a NEVER row turning it synced. Its own tenant, with the demo's
 * files, so the other end-to-end tests' demo rows do not meet it. Screenshots under {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPagesBrowserTest {

    private static final String TENANT = "pages-demo";
    private static final String CART = DemoSandbox.CART;

    private Path sandbox;
    private RunningSystem system;
    private Browser browser;

    @BeforeAll
    void startSystem(@TempDir Path workDir) {
        Infrastructure infrastructure = Infrastructure.shared();
        sandbox = workDir.resolve("sandbox");
        SandboxFiles.write(SandboxFiles.cart(sandbox, TENANT, CART), DemoSandbox.CART_CSV);
        SandboxFiles.write(SandboxFiles.wms(sandbox, TENANT, DemoSandbox.WMS), DemoSandbox.WMS_CSV);
        system = RunningSystem.start(infrastructure, sandbox, workDir.resolve("state"), Duration.ofSeconds(1));
        // As the demo's own alias: accepted once the poller has connected the tenant's cart.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(system.putAlias(TENANT, "012345678905", "MUG-BLUE", "UPC")
                                .statusCode())
                        .isBetween(200, 204));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.signedIn(system.site());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDemoTableChangesInPlaceAfterAWmsEditAndAnAliasFromANeverRowSyncsIt() {
        WebDriver page = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) page;
        browser.go(system.site() + "/tenants/" + TENANT);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            browser.reload();
            assertThat(page.findElement(By.cssSelector("#carts tr[data-cart='" + CART + "']"))
                            .getText())
                    .contains("sandbox", "main", "5 3 2");
        });
        browser.screenshot("demo-carts");
        browser.follow(browser.find(By.linkText("View Product Sync")));

        // Every cycle's verdict moves the synced rows' dates, so rows are replaced live while they are read
        // (Browser.text reads a replaced row again).
        assertThat(browser.text(row("BDreams"))).contains("NEVER", "No WMS match");
        assertThat(browser.text(row("GIFT-CARD-50"))).contains("No", "NEVER", "Inventory not tracked");
        assertThat(browser.text(row("012345678905"))).contains("MUG-BLUE", "via alias");
        assertThat(browser.text(row("234567891"))).contains("25 25");
        browser.until(
                "the live stream to open",
                p -> "open".equals(p.findElement(By.id("live")).getAttribute("data-state")));
        browser.screenshot("demo-product-sync");
        script.executeScript("window.notReloaded = true;");

        // The WMS receives five more: the cart follows, and the row shows it without a reload.
        SandboxFiles.setLastColumn(SandboxFiles.wms(sandbox, TENANT, DemoSandbox.WMS), "234567891", "30");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(browser.text(row("234567891"))).contains("30 30", "just now"));
        assertThat(script.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("demo-live-wms-edit");

        // The WMS learns the product under its own SKU; the NEVER row's link offers it.
        SandboxFiles.write(
                SandboxFiles.wms(sandbox, TENANT, DemoSandbox.WMS),
                DemoSandbox.WMS_CSV.replace("234567891,25", "234567891,30") + "B-DREAMS,6\n");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            browser.go(system.site() + "/tenants/" + TENANT + "/carts/" + CART + "/product-sync?never=true");
            browser.follow(browser.find(By.cssSelector("#product-sync tr[data-fix-for='BDreams']"))
                    .findElement(By.linkText("Create an alias")));
            assertThat(browser.find(By.id("wmsSku")).getAttribute("value")).isEqualTo("B-DREAMS");
        });
        assertThat(browser.find(By.id("alias")).getAttribute("value")).isEqualTo("BDreams");
        new Select(browser.find(By.id("kind"))).selectByValue("LISTING_SKU");
        browser.screenshot("demo-alias-form");
        browser.follow(browser.find(By.cssSelector("#add-alias button[type='submit']")));

        assertThat(page.getCurrentUrl()).contains("/tenants/" + TENANT + "/carts/" + CART + "/product-sync");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            browser.reload();
            assertThat(page.findElement(row("BDreams")).getText())
                    .contains("B-DREAMS", "via alias")
                    .doesNotContain("NEVER");
        });
        assertThat(page.findElements(By.cssSelector("#product-sync tr[data-fix-for='BDreams']")))
                .isEmpty();
        browser.screenshot("demo-alias-synced");
        assertThat(browser.texts(By.cssSelector("#product-sync tbody th.sku")))
                .contains("BDreams", "234567891", "GIFT-CARD-50");
    }

    private static By row(String sku) {
        return By.cssSelector("#product-sync tr[data-sku='" + sku + "']");
    }
}
