package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.productsync.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The CSV export of the whole service, on an embedded KRaft broker and a real PostgreSQL: the page's Export CSV link in
 * a real headless Chromium, and a client that goes away in the middle of a large export. The rows are written in SQL:
 * the listener is not what these tests are about.
 */
@EmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSyncExportTest {

    private static final String PAGE = "/tenants/exp/carts/shop/product-sync";
    private static final String EXPORT = "/api/v1/tenants/exp/carts/shop/product-sync/export";
    /** Far more CSV than the loopback socket buffers hold, so the export is still writing when the client leaves. */
    private static final int VERIFIED_SKUS = 300_000;

    private ConfigurableApplicationContext app;
    private String database;
    private String site;

    @BeforeAll
    void startServiceWithALargeCart(EmbeddedKafkaBroker broker) {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        database = TestDatabase.newDatabase("export");
        String url = TestDatabase.url(database);
        app = RunningService.start(brokers, url, "--productsync.kafka.partitions=1");
        site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "")).execute("""
                INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail,
                    matched_wms_sku, matched_via, cart_quantity, wms_quantity, last_cart_sync_date, evaluated_at,
                    event_id)
                VALUES ('exp', 'shop', 'BDreams', true, 'NOT_SYNCED', 'NO_WMS_MATCH', NULL, NULL, NULL, 6, NULL,
                        NULL, '2026-11-27T09:15:30Z', gen_random_uuid()),
                       ('exp', 'shop', '=HYPERLINK("http://evil.example","x")', true, 'NOT_SYNCED', 'NO_WMS_MATCH',
                        NULL, NULL, NULL, 1, NULL, NULL, '2026-11-27T09:15:30Z', gen_random_uuid()),
                       ('exp', 'shop', 'GIFT-CARD-50', false, 'NOT_SYNCED', 'INVENTORY_DISABLED', NULL, NULL, NULL,
                        1, NULL, NULL, '2026-11-27T09:15:30Z', gen_random_uuid()),
                       ('exp', 'shop', 'FAIL-1', true, 'FAILED', 'CART_REJECTED', '-the location is not active',
                        'FAIL-1', 'SKU', 2, 5, NULL, '2026-11-27T09:15:30Z', gen_random_uuid());
                INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, matched_wms_sku,
                    matched_via, cart_quantity, wms_quantity, last_cart_sync_date, evaluated_at, event_id)
                SELECT 'exp', 'shop', 'SKU-' || lpad(i::text, 7, '0'), true, 'VERIFIED', 'SKU-' || lpad(i::text, 7, '0'),
                       'SKU', 4, 4, '2026-11-27T09:15:30Z', '2026-11-27T09:15:30Z', gen_random_uuid()
                FROM generate_series(1, %d) AS i;
                ANALYZE product_sync;
                """.formatted(VERIFIED_SKUS));
    }

    @AfterAll
    void stopService() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theExportLinkCarriesThePagesFiltersAndItsHrefAnswersTheFilteredCsv() throws Exception {
        try (Browser browser = Browser.signedIn(site)) {
            WebDriver page = browser.driver();
            browser.go(site + PAGE);
            assertThat(browser.find(By.id("export-csv")).getAttribute("href")).isEqualTo(site + EXPORT);

            browser.find(By.cssSelector("form.filters input[name='never']")).click();
            new Select(browser.find(By.id("reason"))).selectByValue("NO_WMS_MATCH");
            browser.follow(browser.find(By.cssSelector("form.filters button[type='submit']")));

            String href = browser.find(By.id("export-csv")).getAttribute("href");
            assertThat(href).isEqualTo(site + EXPORT + "?never=true&reason=NO_WMS_MATCH");
            browser.screenshot("product-sync-export-link");
            // The browser fetches the link it shows, as a click would download it; JSON keeps its CRLFs intact.
            Object fetched = ((JavascriptExecutor) page)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('export-csv').href)"
                            + ".then(r => r.text()).then(t => done(JSON.stringify(t)), e => done('failed: ' + e));");
            String csv = EventJson.MAPPER.readValue((String) fetched, String.class);
            assertThat(csv)
                    .isEqualTo("sku,inventory_enabled,last_cart_sync_date,never,outcome,reason,detail,cart_quantity,"
                            + "wms_quantity,matched_wms_sku,matched_via,evaluated_at\r\n"
                            + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",true,,true,NOT_SYNCED,"
                            + "NO_WMS_MATCH,,1,,,,2026-11-27T09:15:30Z\r\n"
                            + "BDreams,true,,true,NOT_SYNCED,NO_WMS_MATCH,,6,,,,2026-11-27T09:15:30Z\r\n");
        }
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        Operator.request(URI.create(site + EXPORT + "?skuPrefix=FAIL"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"exp_shop_product-sync_\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(answer.body())
                .endsWith("\r\nFAIL-1,true,,true,FAILED,CART_REJECTED,'-the location is not active,2,5,FAIL-1,SKU,"
                        + "2026-11-27T09:15:30Z\r\n");
    }

    @Test
    void aClientThatLeavesMidExportStopsItWithOneLogLineAndTheNextExportIsWhole(CapturedOutput output)
            throws Exception {
        int before = output.getOut().length();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + EXPORT + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                            + Operator.authorization() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            request.flush();
            InputStream response = socket.getInputStream();
            byte[] start = response.readNBytes(64 * 1024);
            assertThat(new String(start, StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 200")
                    .contains("\r\nBDreams,");
            socket.setSoLinger(true, 0); // leave abruptly, with a reset, as a closed browser tab does
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut().substring(before).contains("stopped: the client went away"));
        HttpResponse<InputStream> whole = HttpClient.newHttpClient()
                .send(Operator.request(URI.create(site + EXPORT)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines;
        try (var reader =
                new java.io.BufferedReader(new java.io.InputStreamReader(whole.body(), StandardCharsets.UTF_8))) {
            lines = reader.lines().count();
        }
        assertThat(lines).isEqualTo(1 + 4 + VERIFIED_SKUS);
        String logged = output.getOut().substring(before);
        assertThat(count(logged, "stopped: the client went away")).isEqualTo(1);
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain("Exception:\n\tat ");
    }

    @Test
    void aDatabaseLostAfterTheFirstRowsCutsTheDownloadInsteadOfEndingItLikeAWholeFile(CapturedOutput output)
            throws Exception {
        int before = output.getOut().length();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(Operator.request(URI.create(site + EXPORT)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8))
                    .contains("\r\nBDreams,");
            TestDatabase.allowConnections(database, false);
            StringBuilder rest = new StringBuilder();
            assertThatThrownBy(() -> {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = body.read(buffer)) > 0; ) {
                            rest.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        }
                    })
                    .as("the rest of the download, which must not end as if it were whole")
                    .isInstanceOf(IOException.class);
            assertThat(rest).as("no problem written into the CSV").doesNotContain("\"detail\"");
        } finally {
            TestDatabase.allowConnections(database, true);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(HttpClient.newHttpClient()
                                .send(
                                        Operator.request(URI.create(site + EXPORT + "?skuPrefix=FAIL"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200));
        String logged = output.getOut().substring(before);
        assertThat(count(logged, "export of exp/shop failed after its first rows were sent"))
                .isEqualTo(1);
        assertThat(logged)
                .as("no handler tried to answer a problem inside the CSV")
                .doesNotContain("Failure in @ExceptionHandler");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
