package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.report.PageLoadTimer.PageLoad;
import io.productsync.report.syncstatus.ListStatements;
import io.productsync.report.syncstatus.SyncFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The CSV export and the first rows of the table at 1,000,000 rows, through the real HTTP endpoints of the running
 * service, each next to a baseline measured in the same run: the same SQL read by plain JDBC; then the table's pages
 * loaded in headless Chromium, timed by the browser (skipped, after the server-side figures are written, where
 * Chromium is not installed). Run by command only (the name keeps it out of the normal suite):
 *
 * <pre>./mvnw -q -B -o -pl sync-report-api verify -Dtest=ProductSyncExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Figures go to {@code target/benchmarks/product-sync-export.txt}.
 */
@EmbeddedKafka
class ProductSyncExportBenchmark {

    private static final String TENANT = "bench";
    private static final String CART = "big";
    private static final int ROWS = 1_000_000;
    private static final int BATCH = 5_000; // as ProductSyncExport reads
    private static final int RUNS = 2;
    private static final int TIMED_REQUESTS = 21;
    private static final String DEEP_SKU = "SKU-0900000";

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> report = new ArrayList<>();

    @Test
    void exportsAMillionRowsAndServesTheirFirstRows(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("bench");
        try (ConfigurableApplicationContext app =
                RunningService.start(brokers, url, "--productsync.kafka.partitions=1", "--logging.level.root=WARN")) {
            // One connection kept open, as the service's pool keeps its own: no baseline pays for connecting.
            try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true)) {
                measureAll(app, dataSource);
            }
        } finally {
            // Written even when the browser part is skipped (no Chromium): the server-side figures stand alone.
            Path out = Path.of("target", "benchmarks", "product-sync-export.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    private void measureAll(ConfigurableApplicationContext app, SingleConnectionDataSource dataSource)
            throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String site = "http://localhost:" + port;
        fill(new JdbcTemplate(dataSource));
        printLoad();
        print(
                "JVM max heap %d MB (surefire -Xmx); the service and this client share the JVM",
                Runtime.getRuntime().maxMemory() >> 20);

        for (int run = 1; run <= RUNS; run++) {
            print("-- run %d of %d", run, RUNS);
            measure(
                    "baseline: plain JDBC, the export's keyset SELECTs (5,000 a page), columns read, no format",
                    rows -> keysetJdbc(dataSource, rows));
            measure(
                    "baseline: plain JDBC, the same SELECT once through a cursor (fetch size 5,000)",
                    rows -> cursorJdbc(dataSource, rows));
            measure(
                    "export: GET .../product-sync/export over HTTP, CSV read by the client, bytes counted",
                    rows -> export(site, rows));
        }

        String cursor = cursorAfter(port, DEEP_SKU);
        String page = "/tenants/" + TENANT + "/carts/" + CART + "/product-sync";
        String deepPage = page + "?after=" + cursor;
        String api = "/api/v1/tenants/" + TENANT + "/carts/" + CART + "/product-sync?limit=50";
        print("-- time to the first row at %,d rows: median of %d requests after 5 untimed (ms)", ROWS, TIMED_REQUESTS);
        firstRow(site, "page, first page", page, "data-sku=", dataSource, null, true);
        firstRow(site, "page, after " + DEEP_SKU, deepPage, "data-sku=", dataSource, DEEP_SKU, true);
        firstRow(site, "API limit=50, first page", api, "{\"sku\":", dataSource, null, false);
        firstRow(
                site,
                "API limit=50, after " + DEEP_SKU,
                api + "&after=" + cursor,
                "{\"sku\":",
                dataSource,
                DEEP_SKU,
                false);

        print(
                "-- the same pages in headless Chromium, median of %d loads after 5 untimed (ms from the start of the"
                        + " navigation; Navigation Timing, the first row by a MutationObserver; head = the head's CSS and"
                        + " script fetched)",
                TIMED_REQUESTS);
        printLoad();
        try (Browser browser = Browser.signedIn(site)) {
            PageLoadTimer timer = new PageLoadTimer(browser);
            inChromium(timer, site, "page, first page", page, "SKU-0000001");
            inChromium(timer, site, "page, after " + DEEP_SKU, deepPage, "SKU-0900001");
            browser.screenshot("product-sync-benchmark-after-" + DEEP_SKU);
        }
        // Measured again right after the browser, so a change in the shared machine's load shows as a difference.
        print("-- server side again, after Chromium");
        printLoad();
        firstRow(site, "page, first page", page, "data-sku=", dataSource, null, true);
        firstRow(site, "page, after " + DEEP_SKU, deepPage, "data-sku=", dataSource, DEEP_SKU, true);
    }

    /** The cursor as the API gives it: the {@code next} of the one-row page that ends at {@code sku}. */
    private static String cursorAfter(int port, String sku) {
        String prefix = sku.substring(0, "SKU-09".length()); // the first SKU starting SKU-09 is SKU-0900000
        JsonNode page = new ApiClient(port)
                .get(TENANT + "/carts/" + CART + "/product-sync?limit=1&skuPrefix=" + prefix)
                .body();
        assertThat(page.get("items").get(0).get("sku").asString()).isEqualTo(sku);
        return page.get("next").asString();
    }

    /** One cart of a million rows in one set-based statement: 1 % never synced, 0.4 % failed, 1 in 7 via an alias. */
    private void fill(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        BigCart.fill(jdbc, TENANT, CART, ROWS);
        print(
                "filled cart %s/%s with %,d rows in %.1f s (one INSERT ... SELECT generate_series)",
                TENANT, CART, ROWS, (System.nanoTime() - start) / 1e9);
    }

    private interface Reader {
        /** Reads every row, adding to {@code rows} as it goes; returns the bytes it read (0 when not bytes). */
        long read(AtomicLong rows) throws Exception;
    }

    /**
     * Times one full read, sampling the heap every 10 ms (peak, garbage included) and, half way, once after a full GC
     * (what the read really holds).
     */
    private void measure(String name, Reader reader) throws Exception {
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong rows = new AtomicLong();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong midway = new AtomicLong(-1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    if (midway.get() < 0 && rows.get() >= ROWS / 2) {
                        System.gc();
                        midway.set(memory.getHeapMemoryUsage().getUsed());
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        long bytes = reader.read(rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rows.get()).isEqualTo(ROWS);
        print(
                "%s%n  %,d rows in %.2f s = %,.0f rows/s%s; heap used: %d MB before (after GC), %d MB half way (after a"
                        + " full GC), %d MB peak (sampled every 10 ms, garbage included)",
                name,
                rows.get(),
                seconds,
                rows.get() / seconds,
                bytes > 0 ? ", %.1f MB of CSV".formatted(bytes / 1e6) : "",
                before >> 20,
                midway.get() >> 20,
                peak.get() >> 20);
    }

    private static long keysetJdbc(DataSource dataSource, AtomicLong rows) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        long[] sink = {0};
        String[] after = {null};
        SyncFilter all = new SyncFilter(null, null, null);
        while (true) {
            ListStatements.Sql page = ListStatements.page(TENANT, CART, all, after[0], BATCH + 1);
            int[] read = {0};
            jdbc.query(page.sql(), page.params(), (ResultSet rs) -> {
                if (read[0]++ < BATCH) {
                    after[0] = rs.getString(1);
                    sink[0] += consume(rs);
                    rows.incrementAndGet();
                }
            });
            if (read[0] <= BATCH) {
                return 0;
            }
        }
    }

    private static long cursorJdbc(DataSource dataSource, AtomicLong rows) throws SQLException {
        ListStatements.Sql all = ListStatements.page(TENANT, CART, new SyncFilter(null, null, null), null, ROWS + 1);
        String sql = all.sql().replace(":tenant", "?").replace(":cart", "?").replace(":limit", "?");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL's driver uses a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(BATCH);
                statement.setString(1, TENANT);
                statement.setString(2, CART);
                statement.setInt(3, ROWS + 1);
                long sink = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sink += consume(rs);
                        rows.incrementAndGet();
                    }
                }
                connection.commit();
                connection.setAutoCommit(true);
                return sink > Long.MAX_VALUE - 1 ? 1 : 0;
            }
        }
    }

    /** Every column read as the export's query reads it, then dropped (a null sink). */
    private static int consume(ResultSet rs) throws SQLException {
        int sink = 0;
        for (String column : new String[] {"sku", "outcome", "reason", "detail", "matched_wms_sku", "matched_via"}) {
            String value = rs.getString(column);
            sink += value == null ? 0 : value.length();
        }
        sink += rs.getBoolean("inventory_enabled") ? 1 : 0;
        for (String column : new String[] {"cart_quantity", "wms_quantity", "pushed_quantity"}) {
            Long value = rs.getObject(column, Long.class);
            sink += value == null ? 0 : 1;
        }
        for (String column : new String[] {"last_cart_sync_date", "evaluated_at"}) {
            sink += rs.getObject(column, java.time.OffsetDateTime.class) == null ? 0 : 1;
        }
        return sink;
    }

    private long export(String site, AtomicLong rows) throws Exception {
        HttpResponse<InputStream> response = http.send(
                Operator.request(URI.create(
                                site + "/api/v1/tenants/" + TENANT + "/carts/" + CART + "/product-sync/export"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && ++lines > 1) {
                        rows.incrementAndGet();
                    }
                }
            }
        }
        return bytes;
    }

    /** Time from sending the request to the first row's bytes arriving, next to the bare SQL the answer runs. */
    private void firstRow(
            String site, String name, String path, String marker, DataSource dataSource, String after, boolean page)
            throws Exception {
        URI uri = URI.create(site + path);
        LongSupplier request = () -> {
            long start = System.nanoTime();
            try {
                HttpResponse<InputStream> response =
                        http.send(Operator.request(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                try (InputStream body = response.body()) {
                    StringBuilder seen = new StringBuilder();
                    byte[] buffer = new byte[8192];
                    long firstRow = -1;
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (firstRow < 0 && seen.indexOf(marker) >= 0) {
                            firstRow = System.nanoTime() - start;
                        }
                    }
                    assertThat(firstRow).as("a row in " + path).isPositive();
                    return firstRow;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        ListStatements.Sql rowsSql = ListStatements.page(TENANT, CART, new SyncFilter(null, null, null), after, 51);
        ListStatements.Sql summarySql = ListStatements.summary(TENANT, CART);
        LongSupplier bare = () -> {
            long start = System.nanoTime();
            jdbc.query(rowsSql.sql(), rowsSql.params(), (ResultSet rs) -> {
                consume(rs);
            });
            if (page) {
                jdbc.query(summarySql.sql(), summarySql.params(), (ResultSet rs) -> {
                    rs.getLong("n");
                });
            }
            return System.nanoTime() - start;
        };
        print(
                "%-40s first row %7.2f ms   | bare SQL (%s) %7.2f ms",
                name, median(request), page ? "page + summary" : "page", median(bare));
    }

    /** The browser's own figures for one page, next to the server-side ones printed above. */
    private void inChromium(PageLoadTimer timer, String site, String name, String path, String firstSku) {
        List<PageLoad> loads = sampled(() -> timer.load(site + path));
        assertThat(loads).extracting(PageLoad::firstSku).containsOnly(firstSku);
        print(
                "%-40s first byte %7.2f ms   head %7.2f ms   first row in the DOM %7.2f ms   DOMContentLoaded %7.2f"
                        + " ms   load %7.2f ms",
                name,
                median(loads, PageLoad::firstByte),
                median(loads, PageLoad::headFetched),
                median(loads, PageLoad::firstRow),
                median(loads, PageLoad::domContentLoaded),
                median(loads, PageLoad::loaded));
    }

    private static double median(LongSupplier timed) {
        return median(sampled(timed::getAsLong), nanos -> nanos / 1e6);
    }

    /** {@value #TIMED_REQUESTS} samples, taken after 5 untimed ones. */
    private static <T> List<T> sampled(Supplier<T> sample) {
        for (int i = 0; i < 5; i++) {
            sample.get();
        }
        List<T> samples = new ArrayList<>();
        for (int i = 0; i < TIMED_REQUESTS; i++) {
            samples.add(sample.get());
        }
        return samples;
    }

    private static <T> double median(List<T> samples, ToDoubleFunction<T> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** The machine is shared: the load says how much of its 2 cores this part of the run really had. */
    private void printLoad() {
        print(
                "%d cores, load average %.2f",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void print(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println(line);
        report.add(line);
    }
}
