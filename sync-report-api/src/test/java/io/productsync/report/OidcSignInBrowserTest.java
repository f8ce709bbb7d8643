package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Signing in to the pages through an OpenID Connect issuer in Debian's headless Chromium: the sign-in page offers the
 * issuer next to the local form; the person comes back signed in and sees only the tenants their grants name; a
 * sign-in the issuer refuses (here: a wrong client secret) ends on the sign-in page with a message, not signed in.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInBrowserTest {

    private static final String CLIENT = "product-sync";
    private static final String SECRET = "client-secret-of-this-run";

    private FakeOidcIssuer issuer;
    private ConfigurableApplicationContext app;
    private String site;

    @BeforeAll
    void startServiceWithTwoTenants(EmbeddedKafkaBroker broker) {
        issuer = FakeOidcIssuer.start();
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("oidc_pages");
        app = RunningService.start(
                brokers,
                url,
                "--productsync.kafka.partitions=1",
                "--productsync.security.oidc.issuer-uri=" + issuer.issuer(),
                "--productsync.security.oidc.client-id=" + CLIENT,
                "--productsync.security.oidc.client-secret=" + SECRET);
        site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        TestDatabase.connectShops(jdbc, "acme", "gamma", "other");
    }

    @AfterAll
    void stopService() {
        app.close();
        issuer.close();
    }

    @Test
    void aPersonSignsInThroughTheIssuerAndSeesOnlyTheTenantsTheirGrantsName() {
        issuer.signsIn(CLIENT + ":" + SECRET, "acme:viewer", "gamma:admin");
        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            browser.go(site + "/login");
            assertThat(page.findElements(By.id("sign-in")))
                    .as("the local form stays")
                    .hasSize(1);
            assertThat(browser.text(By.id("sign-in-oidc"))).isEqualTo("Sign in with 127.0.0.1");
            browser.screenshot("oidc-sign-in");

            browser.follow(browser.find(By.id("sign-in-oidc")));
            assertThat(page.getCurrentUrl()).isEqualTo(site + "/");
            assertThat(browser.text(By.id("tenants"))).contains("acme", "gamma").doesNotContain("other");
            browser.screenshot("oidc-signed-in");

            browser.go(site + "/tenants/acme");
            assertThat(browser.text(By.tagName("main"))).contains("shop");
            browser.go(site + "/tenants/other");
            assertThat(page.getTitle()).isEqualTo("Error 404 - Product Sync");
            assertThat(page.getPageSource()).doesNotContain("shop");
        }
    }

    @Test
    void aSignInTheIssuerRefusesEndsOnTheSignInPageNotSignedIn() {
        issuer.signsIn(CLIENT + ":another-secret", "acme:admin");
        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            browser.go(site + "/login");
            browser.follow(browser.find(By.id("sign-in-oidc")));
            assertThat(page.getCurrentUrl()).isEqualTo(site + "/login?oidcError");
            assertThat(browser.text(By.id("oidc-error"))).contains("did not succeed");
            browser.go(site + "/tenants/acme");
            assertThat(page.getCurrentUrl()).isEqualTo(site + "/login");
        }
    }
}
