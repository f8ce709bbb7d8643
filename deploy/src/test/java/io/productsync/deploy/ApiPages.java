package io.productsync.deploy;

import io.productsync.events.EventJson;
import io.productsync.report.Operator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * B5: a page of 50 at {@code size} rows through the HTTP API, from random keyset positions, against the same SQL
 * (the service's page query, written out here) over one kept-open JDBC connection; then the summary endpoint
 * against its SQL. Timed at the client, one request at a time, after a warm-up.
 */
final class ApiPages {

    static final int PAGES = 2_000;
    // The JIT compiles the service's request path over its first thousand-odd requests (a cold service answered the
    // first 2,200 in 9.2 ms at p50, the next 2,000 in 1.0 ms): the goal is the steady state, the warm-up is noted.
    private static final int WARM_UP = 3_000;
    private static final int SUMMARIES = 20;
    private static final int PAGE = 50;

    private static final String PAGE_SQL = """
            SELECT sku, inventory_enabled, last_cart_sync_date, outcome, reason, detail, matched_wms_sku,
                   matched_via, cart_quantity, wms_quantity, pushed_quantity, evaluated_at
            FROM product_sync WHERE tenant_id = ? AND cart_id = ? AND sku > ? COLLATE "C" ORDER BY sku LIMIT ?
            """;
    private static final String SUMMARY_SQL = """
            SELECT NULL AS reason, count(*) AS n, count(*) FILTER (WHERE outcome = 'FAILED') AS failed
            FROM product_sync WHERE tenant_id = ? AND cart_id = ?
            UNION ALL
            SELECT reason, count(*), 0 FROM product_sync
            WHERE tenant_id = ? AND cart_id = ? AND never_synced
            GROUP BY reason
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final BenchSystem system;
    private final BenchProgress progress;
    private final BenchTable table;

    ApiPages(BenchSystem system, BenchProgress progress, BenchTable table) {
        this.system = system;
        this.progress = progress;
        this.table = table;
    }

    void run(BenchCatalog catalog, int apiPort) throws Exception {
        String base = "http://localhost:" + apiPort + "/api/v1/tenants/" + catalog.tenant() + "/carts/" + catalog.cart()
                + "/product-sync";
        Random random = new Random(7);
        AtomicInteger done = new AtomicInteger();
        int[] wrong = {0};
        progress.step("B5 pages over HTTP", () -> "%,d of %,d requests".formatted(done.get(), WARM_UP + PAGES));
        Latencies api = new Latencies(PAGES);
        Latencies warmUp = new Latencies(WARM_UP);
        for (int n = 0; n < WARM_UP + PAGES; n++) {
            int after = random.nextInt(catalog.size());
            String url = base + "?limit=" + PAGE + "&after="
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(catalog.sku(after).getBytes(StandardCharsets.UTF_8));
            long started = System.nanoTime();
            String body = get(url);
            long took = System.nanoTime() - started;
            if (n >= WARM_UP) {
                api.add(took);
            } else {
                warmUp.add(took);
            }
            if (!pageIsRight(EventJson.MAPPER.readTree(body), catalog, after)) {
                wrong[0]++;
            }
            done.incrementAndGet();
        }

        Latencies sql = new Latencies(PAGES);
        Latencies summaryApi = new Latencies(SUMMARIES);
        Latencies summarySql = new Latencies(SUMMARIES);
        long summaryTotal;
        progress.step("B5 the same SQL over JDBC, and the summary", () -> "");
        try (Connection connection = system.jdbc();
                PreparedStatement page = connection.prepareStatement(PAGE_SQL);
                PreparedStatement summary = connection.prepareStatement(SUMMARY_SQL)) {
            for (int n = 0; n < WARM_UP + PAGES; n++) {
                int after = random.nextInt(catalog.size());
                page.setString(1, catalog.tenant());
                page.setString(2, catalog.cart());
                page.setString(3, catalog.sku(after));
                page.setInt(4, PAGE + 1); // the service reads one more row to know whether a next page exists
                long started = System.nanoTime();
                int read = drain(page);
                long took = System.nanoTime() - started;
                if (n >= WARM_UP) {
                    sql.add(took);
                }
                if (read != Math.min(PAGE + 1, catalog.size() - 1 - after)) {
                    wrong[0]++;
                }
            }
            for (int n = 0; n < SUMMARIES + 2; n++) {
                long started = System.nanoTime();
                get(base + "/summary");
                if (n >= 2) {
                    summaryApi.add(System.nanoTime() - started);
                }
                for (int i = 1; i <= 4; i += 2) {
                    summary.setString(i, catalog.tenant());
                    summary.setString(i + 1, catalog.cart());
                }
                started = System.nanoTime();
                drain(summary);
                if (n >= 2) {
                    summarySql.add(System.nanoTime() - started);
                }
            }
            summaryTotal = EventJson.MAPPER
                    .readTree(get(base + "/summary"))
                    .path("total")
                    .asLong();
        }

        String at = "at %,d rows".formatted(catalog.size());
        table.compare(
                "B5",
                "API page of 50 " + at + ", p50 (%,d random keyset pages)".formatted(PAGES),
                api.percentileMillis(50),
                sql.percentileMillis(50),
                "ms",
                "");
        table.compare(
                "B5",
                "API page of 50 " + at + ", p99",
                api.percentileMillis(99),
                sql.percentileMillis(99),
                "ms",
                "<= 2x SQL, <= 5 ms");
        table.compare(
                "B5",
                "summary " + at + ", p50 of " + SUMMARIES,
                summaryApi.percentileMillis(50),
                summarySql.percentileMillis(50),
                "ms",
                "<= 20 ms");
        table.note("B5 check: %s; summary total %,d of %,d rows%s"
                .formatted(
                        wrong[0] == 0 ? "every page held the 50 rows after its key" : wrong[0] + " pages WRONG",
                        summaryTotal,
                        catalog.size(),
                        summaryTotal == catalog.size() ? "" : " (WRONG)"));
        table.note("B5 timed at the client, one request at a time: HTTP includes the JSON and the connection's"
                + " round trip, JDBC the result set read; after %,d requests of warm-up, whose p50 / p99 were %s / %s ms"
                        .formatted(
                                WARM_UP,
                                BenchTable.number(warmUp.percentileMillis(50)),
                                BenchTable.number(warmUp.percentileMillis(99))));
    }

    private static boolean pageIsRight(JsonNode page, BenchCatalog catalog, int after) {
        JsonNode items = page.path("items");
        int expected = Math.min(PAGE, catalog.size() - 1 - after);
        return items.size() == expected
                && (expected == 0 || items.get(0).path("sku").asString().equals(catalog.sku(after + 1)));
    }

    private static int drain(PreparedStatement statement) throws SQLException {
        int read = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getString(1);
                read++;
            }
        }
        return read;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(Operator.request(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
