package io.productsync.report.syncstatus;

import static io.productsync.report.syncstatus.Results.TENANT;
import static io.productsync.report.syncstatus.Results.change;
import static io.productsync.report.syncstatus.Results.failed;
import static io.productsync.report.syncstatus.Results.leftCart;
import static io.productsync.report.syncstatus.Results.notSynced;
import static io.productsync.report.syncstatus.Results.synced;
import static io.productsync.report.syncstatus.Results.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The counts the summary reads are kept with the rows: always what counting the rows gives. */
class ProductSyncCountsTest {

    private static final String COUNTED_ROWS = """
            SELECT tenant_id, cart_id, last_cart_sync_date IS NULL AS never, coalesce(reason, '') AS reason,
                   outcome = 'FAILED' AS failed, count(*) AS n
            FROM product_sync GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """;
    private static final String KEPT_COUNTS = """
            SELECT tenant_id, cart_id, never, reason, failed, n
            FROM product_sync_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5
            """;
    private static final List<String> CARTS = List.of("shop", "outlet");

    private final DataSource dataSource = TestDatabase.migrated("counts");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // The writer as the ingest role: the counts' triggers run as it, under row-level security.
    private final SyncResultWriter writer = new SyncResultWriter(
            new JdbcTemplate(TestDatabase.ingest(dataSource)),
            new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));
    private final ProductSyncQueries queries = new ProductSyncQueries(TestDatabase.reads(dataSource));

    @Test
    void keptCountsEqualCountingTheRowsAfterMixedWritesDeletesAndVerdicts() {
        Random random = new Random(7);
        AtomicLong time = new AtomicLong();
        for (int batchNumber = 0; batchNumber < 60; batchNumber++) {
            writer.write(randomBatch(random, time));

            assertThat(jdbc.queryForList(KEPT_COUNTS)).isEqualTo(jdbc.queryForList(COUNTED_ROWS));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM product_sync", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM product_sync WHERE last_cart_sync_date IS NULL", Long.class))
                .isPositive();
    }

    /** The listener's consumers write one cart's rows at once: no deadlock, and the counts stay true. */
    @Test
    void twoWritersOfTheSameCartsAtOnceNeitherFailNorMiscount() throws Exception {
        jdbc.execute("TRUNCATE product_sync");
        AtomicLong time = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int seed = 1; seed <= 2; seed++) {
                Random random = new Random(seed);
                done.add(writers.submit(() -> {
                    for (int batchNumber = 0; batchNumber < 80; batchNumber++) {
                        writer.write(randomBatch(random, time));
                    }
                    return 80;
                }));
            }
            for (Future<Integer> writes : done) {
                assertThat(writes.get(2, TimeUnit.MINUTES)).isEqualTo(80);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM product_sync", Long.class))
                .isPositive();
        assertThat(jdbc.queryForList(KEPT_COUNTS)).isEqualTo(jdbc.queryForList(COUNTED_ROWS));
    }

    /** 25 results, removals and verdicts of the two carts, some arriving late. */
    private static List<Change<?, ?>> randomBatch(Random random, AtomicLong time) {
        List<Change<?, ?>> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String cart = CARTS.get(random.nextInt(CARTS.size()));
            String sku = "SKU-" + random.nextInt(30);
            int partition = random.nextInt(2);
            long now = time.addAndGet(1 + random.nextInt(3));
            long evaluatedAt = now - random.nextInt(5); // some arrive late
            switch (random.nextInt(7)) {
                case 0 ->
                    batch.add(change(synced(SyncOutcome.VERIFIED, cart, sku, evaluatedAt, evaluatedAt), partition));
                case 1 ->
                    batch.add(change(synced(SyncOutcome.UPDATED, cart, sku, evaluatedAt, evaluatedAt), partition));
                case 2 -> batch.add(change(notSynced(cart, sku, SyncReason.NO_WMS_MATCH, evaluatedAt), partition));
                case 3 -> batch.add(change(notSynced(cart, sku, SyncReason.SYNC_DISABLED, evaluatedAt), partition));
                case 4 -> batch.add(change(failed(cart, sku, evaluatedAt), partition));
                case 5 -> batch.add(leftCart(cart, sku));
                default -> batch.add(verdict(cart, partition, now));
            }
        }
        return batch;
    }

    @Test
    void theSummaryAddsUpTheKeptCountsAndDirectDeletesAndTruncateKeepThemTrue() {
        writer.write(List.of(
                change(synced(SyncOutcome.VERIFIED, "shop", "A", 1, 1)),
                change(notSynced("shop", "B", SyncReason.NO_WMS_MATCH, 1)),
                change(notSynced("shop", "C", SyncReason.NO_WMS_MATCH, 1)),
                change(failed("shop", "D", 1)),
                change(synced(SyncOutcome.VERIFIED, "shop", "E", 1, 1)),
                change(failed("shop", "E", 2))));

        SyncSummary summary = queries.summary(TENANT, "shop");
        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.synced()).isEqualTo(2);
        assertThat(summary.never()).isEqualTo(3);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.neverByReason())
                .containsEntry("NO_WMS_MATCH", 2L)
                .containsEntry("CART_REJECTED", 1L)
                .containsEntry("SYNC_DISABLED", 0L);

        jdbc.update("DELETE FROM product_sync WHERE sku = 'B'");
        assertThat(queries.summary(TENANT, "shop").neverByReason()).containsEntry("NO_WMS_MATCH", 1L);
        assertThat(jdbc.queryForList(KEPT_COUNTS)).isEqualTo(jdbc.queryForList(COUNTED_ROWS));

        jdbc.execute("TRUNCATE product_sync");
        assertThat(queries.summary(TENANT, "shop").total()).isZero();
        assertThat(jdbc.queryForList(KEPT_COUNTS)).isEmpty();
    }
}
