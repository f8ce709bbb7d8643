package io.productsync.report.syncstatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.TenantReads;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/** On a big, mostly synced cart the never filter reads only the partial indexes, and the summary no row at all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private final DataSource dataSource = TestDatabase.migrated("plans");
    // Explained as the web role in its tenant's transaction: the plans include the row-level security filter.
    private final TenantReads reads = TestDatabase.reads(dataSource);

    @BeforeAll
    void bigCartWithFewNeverSyncedRows() {
        // 200k rows, one in a hundred never synced: generated in SQL, the writer is not what this test is about.
        new JdbcTemplate(dataSource).execute("""
                INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, reason,
                    last_cart_sync_date, evaluated_at, event_id)
                SELECT 'acme', 'big', 'SKU-' || lpad(i::text, 7, '0'), true,
                       CASE WHEN i % 100 = 0 THEN 'NOT_SYNCED' ELSE 'VERIFIED' END,
                       CASE WHEN i % 100 = 0 THEN 'NO_WMS_MATCH' END,
                       CASE WHEN i % 100 = 0 THEN NULL ELSE now() END, now(), gen_random_uuid()
                FROM generate_series(1, 200000) AS i;
                ANALYZE product_sync;
                """);
    }

    @Test
    void neverFilterPagesThroughThePartialIndex() {
        String plan = explain(
                ProductSyncQueries.pageStatement("acme", "big", new SyncFilter(true, null, null), "SKU-0001000", 51));

        assertThat(plan)
                .contains("product_sync_never")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void neverAndReasonFilterStaysOnThePartialIndexes() {
        String plan = explain(ProductSyncQueries.pageStatement(
                "acme", "big", new SyncFilter(true, SyncReason.NO_WMS_MATCH, null), null, 51));

        // product_sync_never or product_sync_never_by_reason, whichever the planner prefers for these statistics
        assertThat(plan).contains("product_sync_never").doesNotContain("Seq Scan");
    }

    @Test
    void summaryReadsTheKeptCountsNotTheCartsRows() {
        String plan = explain(
                new ProductSyncQueries.Statement(ProductSyncQueries.SUMMARY, Map.of("tenant", "acme", "cart", "big")));

        assertThat(plan).contains("product_sync_counts").doesNotContainPattern("on product_sync(?!_counts)\\b");
    }

    @Test
    void prefixFilterIsAnIndexRangeThatStopsAtThePrefixEnd() {
        String plan = explain(
                ProductSyncQueries.pageStatement("acme", "big", new SyncFilter(null, null, "SKU-01"), null, 51));

        assertThat(plan).contains("product_sync_pkey").contains("sku <").doesNotContain("Seq Scan");
    }

    private String explain(ProductSyncQueries.Statement statement) {
        List<String> lines = reads.read(
                "acme",
                jdbc -> jdbc.sql("EXPLAIN " + statement.sql())
                        .params(statement.params())
                        .query((rs, i) -> rs.getString(1))
                        .list());
        return String.join("\n", lines);
    }
}
