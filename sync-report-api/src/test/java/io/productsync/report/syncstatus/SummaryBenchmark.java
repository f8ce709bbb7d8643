package io.productsync.report.syncstatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartCycleVerified;
import io.productsync.report.BigCart;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import io.productsync.report.system.TenantReads;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cart summary at 1,000,000 rows (issue 7, B5: goal 20 ms), as {@link ProductSyncQueries#summary} answers it on
 * one kept connection. Run by command only (the name keeps it out of the normal suite):
 *
 * <pre>./mvnw -q -B -o -pl sync-report-api verify -Dtest=SummaryBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Figures go to {@code target/benchmarks/summary.txt}.
 */
class SummaryBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int TIMED = 51;

    private final List<String> report = new ArrayList<>();

    @Test
    void summaryOfAMillionRowCart() throws Exception {
        String url = TestDatabase.url(TestDatabase.newDatabase("summarybench"));
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, "postgres", "")
                .load()
                .migrate();
        try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
                SingleConnectionDataSource web = new SingleConnectionDataSource(url, "productsync_web", "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long start = System.nanoTime();
            BigCart.fill(jdbc, "bench", "big", ROWS);
            print(
                    "%d cores shared with other builds, load average %.2f; filled %,d rows in %.1f s",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    ROWS,
                    (System.nanoTime() - start) / 1e9);
            measure(new ProductSyncQueries(new TenantReads(web)));
            verdicts(dataSource, jdbc);
        } finally {
            Path out = Path.of("target", "benchmarks", "summary.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    private void measure(ProductSyncQueries queries) {
        for (int i = 0; i < 5; i++) {
            queries.summary("bench", "big");
        }
        double[] millis = new double[TIMED];
        SyncSummary summary = null;
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            summary = queries.summary("bench", "big");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        assertThat(summary.total()).isEqualTo(ROWS);
        assertThat(summary.never()).isEqualTo(ROWS / 100 + ROWS / 250 - ROWS / 500);
        Arrays.sort(millis);
        print(
                "summary at %,d rows: median %.2f ms, max %.2f ms of %d (after 5 untimed); load average %.2f",
                ROWS,
                millis[TIMED / 2],
                millis[TIMED - 1],
                TIMED,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Three verdicts in a row on one of six partitions (each moves every synced row's date again), first on the table
     * as migrated, then on the table as it was before V12 (the never-synced indexes reading the date, pages filled to
     * the brim): the same rows, the same writer, the same run.
     */
    private void verdicts(DataSource dataSource, JdbcTemplate jdbc) {
        var writer = new SyncResultWriter(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        threeVerdicts(writer, jdbc, "as migrated (V12: updated in place)");
        jdbc.execute("""
                DROP INDEX product_sync_never;
                CREATE INDEX product_sync_never ON product_sync (tenant_id, cart_id, sku)
                    WHERE last_cart_sync_date IS NULL;
                DROP INDEX product_sync_never_by_reason;
                CREATE INDEX product_sync_never_by_reason ON product_sync (tenant_id, cart_id, reason, sku)
                    WHERE last_cart_sync_date IS NULL;
                ALTER TABLE product_sync SET (fillfactor = 100);
                """);
        jdbc.execute("VACUUM FULL ANALYZE product_sync");
        threeVerdicts(writer, jdbc, "baseline, as before V12");
    }

    private void threeVerdicts(SyncResultWriter writer, JdbcTemplate jdbc, String layout) {
        long synced = jdbc.queryForObject(
                "SELECT count(*) FROM product_sync WHERE source_partition = 0 AND outcome IN ('VERIFIED', 'UPDATED')",
                Long.class);
        assertThat(synced).isPositive();
        for (int i = 0; i < 3; i++) {
            Instant cycleAt = Instant.now();
            CartCycleVerified verdict =
                    new CartCycleVerified(UUID.randomUUID(), "bench", "big", cycleAt, cycleAt, 0, List.of(), cycleAt);
            long start = System.nanoTime();
            writer.write(List.of(new Change<>(verdict.key(), verdict, 0)));
            double seconds = (System.nanoTime() - start) / 1e9;
            long moved = jdbc.queryForObject(
                    "SELECT count(*) FROM product_sync WHERE last_cart_sync_date = ?",
                    Long.class,
                    cycleAt.atOffset(ZoneOffset.UTC));
            assertThat(moved).isEqualTo(synced);
            print(
                    "verdict %d on partition 0 of 6, table %s: %,d rows moved in %.2f s; table %,d MB; load average %.2f",
                    i + 1,
                    layout,
                    moved,
                    seconds,
                    jdbc.queryForObject("SELECT pg_relation_size('product_sync') / 1000000", Long.class),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void print(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println(line);
        report.add(line);
    }
}
