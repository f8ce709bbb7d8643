package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.report.syncstatus.ListStatements;
import io.productsync.report.syncstatus.SyncFilter;
import io.productsync.report.system.TenantReads;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * An API page of 50 at 1,000,000 rows (issue 7, B5): 2,000 random pages over HTTP from a client in the same JVM, each
 * next to the page's own SQL over plain JDBC (one kept connection), interleaved so both see the same load; and the
 * same SQL as a tenant's read runs it (row-level security, {@link TenantReads}) both ways, in a transaction of its own
 * (three round trips) and in one round trip, each on a kept connection of the web role. Run by command only (the
 * name keeps it out of the normal suite):
 *
 * <pre>./mvnw -q -B -o -pl sync-report-api verify -Dtest=ProductSyncPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Figures go to {@code target/benchmarks/product-sync-page.txt}.
 */
@EmbeddedKafka
class ProductSyncPageBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int PAGES = Integer.getInteger("bench.pages", 2_000);
    /** The JIT compiles the request path over the first thousand-odd requests: timed before that, it is measured. */
    private static final int WARM_UP = 3_000;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> report = new ArrayList<>();

    @Test
    void pagesOfFiftyAtAMillionRows(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("pagebench");
        try (ConfigurableApplicationContext app = RunningService.start(
                        brokers, url, "--productsync.kafka.partitions=1", "--logging.level.root=WARN");
                SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
                SingleConnectionDataSource web = new SingleConnectionDataSource(url, "productsync_web", "", true)) {
            BigCart.fill(new JdbcTemplate(dataSource), "bench", "big", ROWS);
            String api = "http://localhost:" + app.getEnvironment().getProperty("local.server.port")
                    + "/api/v1/tenants/bench/carts/big/product-sync?limit=50&after=";
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
            Random random = new Random(42);
            double[] overHttp = new double[PAGES];
            double[] blocking = new double[PAGES];
            double[] bare = new double[PAGES];
            double[] inTransaction = new double[PAGES];
            double[] oneRoundTrip = new double[PAGES];
            TenantReads reads = new TenantReads(web);
            long[] collectionsAtStart = null;
            for (int i = -WARM_UP; i < PAGES; i++) {
                if (i == 0) {
                    collectionsAtStart = collections();
                }
                String after = "SKU-%07d".formatted(1 + random.nextInt(ROWS - 100));
                String cursor =
                        Base64.getUrlEncoder().withoutPadding().encodeToString(after.getBytes(StandardCharsets.UTF_8));
                long start = System.nanoTime();
                HttpResponse<String> page = http.send(
                        Operator.request(URI.create(api + cursor)).build(), HttpResponse.BodyHandlers.ofString());
                long httpNanos = System.nanoTime() - start;
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("\"next\":\"");
                start = System.nanoTime();
                String sameOnCallingThread = BlockingHttp.get(api + cursor);
                long blockingNanos = System.nanoTime() - start;
                assertThat(sameOnCallingThread).isEqualTo(page.body());
                ListStatements.Sql sql =
                        ListStatements.page("bench", "big", new SyncFilter(null, null, null), after, 51);
                start = System.nanoTime();
                List<Object[]> rows = jdbc.query(sql.sql(), sql.params(), ALL_COLUMNS);
                long bareNanos = System.nanoTime() - start;
                assertThat(rows).hasSize(51);
                start = System.nanoTime();
                List<Object[]> inItsTransaction = reads.read(
                        "bench",
                        client -> client.sql(sql.sql())
                                .params(sql.params())
                                .query(ALL_COLUMNS)
                                .list());
                long inTransactionNanos = System.nanoTime() - start;
                assertThat(inItsTransaction).hasSize(51);
                start = System.nanoTime();
                List<Object[]> inOneRoundTrip = reads.query("bench", sql.sql(), sql.params(), ALL_COLUMNS);
                long oneRoundTripNanos = System.nanoTime() - start;
                assertThat(inOneRoundTrip).hasSize(51);
                if (i >= 0) {
                    overHttp[i] = httpNanos / 1e6;
                    blocking[i] = blockingNanos / 1e6;
                    bare[i] = bareNanos / 1e6;
                    inTransaction[i] = inTransactionNanos / 1e6;
                    oneRoundTrip[i] = oneRoundTripNanos / 1e6;
                }
            }
            Arrays.sort(overHttp);
            Arrays.sort(blocking);
            Arrays.sort(bare);
            Arrays.sort(inTransaction);
            Arrays.sort(oneRoundTrip);
            print(
                    "%d cores shared with other builds, load average %.2f; %,d random pages of 50 at %,d rows after %d"
                            + " untimed",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    PAGES,
                    ROWS,
                    WARM_UP);
            print("GET .../product-sync?limit=50&after=  p50 %.2f ms  p99 %.2f ms", p(overHttp, 50), p(overHttp, 99));
            print("  the same, HttpURLConnection       p50 %.2f ms  p99 %.2f ms", p(blocking, 50), p(blocking, 99));
            print("its SQL over plain JDBC            p50 %.2f ms  p99 %.2f ms", p(bare, 50), p(bare, 99));
            print(
                    "  as a tenant's read, transaction  p50 %.2f ms  p99 %.2f ms",
                    p(inTransaction, 50), p(inTransaction, 99));
            print(
                    "  as a tenant's read, one trip     p50 %.2f ms  p99 %.2f ms",
                    p(oneRoundTrip, 50), p(oneRoundTrip, 99));
            print(
                    "ratio                              p50 %.1fx     p99 %.1fx   (HttpURLConnection %.1fx / %.1fx)",
                    p(overHttp, 50) / p(bare, 50),
                    p(overHttp, 99) / p(bare, 99),
                    p(blocking, 50) / p(bare, 50),
                    p(blocking, 99) / p(bare, 99));
            print(
                    "garbage collections during the timed pages: %d, %d ms in all",
                    collections()[0] - collectionsAtStart[0], collections()[1] - collectionsAtStart[1]);
        } finally {
            Path out = Path.of("target", "benchmarks", "product-sync-page.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    private static final RowMapper<Object[]> ALL_COLUMNS = (rs, n) -> {
        Object[] columns = new Object[rs.getMetaData().getColumnCount()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = rs.getObject(c + 1);
        }
        return columns;
    };

    /** Collections so far and their milliseconds, over every collector of this JVM. */
    private static long[] collections() {
        long[] countAndMillis = new long[2];
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            countAndMillis[0] += collector.getCollectionCount();
            countAndMillis[1] += collector.getCollectionTime();
        }
        return countAndMillis;
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
    }

    private void print(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println(line);
        report.add(line);
    }
}
