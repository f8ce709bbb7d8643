package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The tenant page's API keys section in Debian's headless Chromium: sign in on the form, create a key (shown once),
 * use it, revoke it from the page, sign out; and / lists every tenant to the operator.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeysPageBrowserTest {

    private ConfigurableApplicationContext app;
    private int port;
    private String site;

    @BeforeAll
    void startServiceWithTwoTenants(EmbeddedKafkaBroker broker) {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("key_pages");
        app = RunningService.start(brokers, url, "--productsync.kafka.partitions=1");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        site = "http://localhost:" + port;
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        TestDatabase.connectShops(jdbc, "keys", "other");
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void anAdminCreatesAKeySeenOnceUsesItAndRevokesItFromTheTenantPage() {
        try (Browser browser = Browser.signedIn(site)) {
            WebDriver page = browser.driver();
            assertThat(browser.text(By.id("tenants"))).contains("keys", "other");
            browser.follow(browser.find(By.linkText("keys")));

            browser.find(By.id("key-name")).sendKeys("nightly export");
            new Select(browser.find(By.id("key-role"))).selectByValue("viewer");
            browser.follow(browser.find(By.cssSelector("#create-key button[type=submit]")));
            String key = browser.text(By.id("new-key-value"));
            assertThat(key).startsWith("psk_");
            assertThat(browser.text(By.id("keys"))).contains("nightly export", "viewer", "never");
            browser.screenshot("api-keys-created");

            browser.go(site + "/tenants/keys");
            assertThat(page.findElements(By.id("new-key"))).as("shown once").isEmpty();
            assertThat(page.getPageSource()).doesNotContain(key);
            ApiClient withKey = new ApiClient(port, "Bearer " + key);
            assertThat(withKey.get("keys/carts/shop/product-sync").status()).isEqualTo(200);

            browser.follow(browser.find(By.cssSelector("#keys button.delete")));
            assertThat(browser.text(By.id("message"))).isEqualTo("The API key is revoked.");
            assertThat(page.findElements(By.cssSelector("#keys button.delete"))).isEmpty();
            assertThat(withKey.get("keys/carts/shop/product-sync").status()).isEqualTo(401);
            browser.screenshot("api-keys-revoked");

            browser.follow(browser.find(By.cssSelector("form.sign-out button")));
            assertThat(browser.text(By.id("message"))).isEqualTo("You are signed out.");
            browser.go(site + "/tenants/keys");
            assertThat(page.getCurrentUrl()).isEqualTo(site + "/login");
        }
    }
}
