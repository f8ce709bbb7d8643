package io.productsync.report.syncstatus;

import io.productsync.events.SkuSyncEvaluated;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Upserts rows into product_sync the fast way: COPY into a temporary staging table (one per connection, created once
 * on it, emptied at commit), then one INSERT ... SELECT ... ON CONFLICT that merges them. Runs inside the writer's
 * transaction.
 */
final class StagedMerge {

    private static final String COLUMNS = """
            tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail, matched_wms_sku, matched_via,
            cart_quantity, wms_quantity, pushed_quantity, last_cart_sync_date, evaluated_at, event_id, source_partition""";

    private static final String STAGING =
            "CREATE TEMP TABLE IF NOT EXISTS product_sync_staging" + " (LIKE product_sync) ON COMMIT DELETE ROWS";

    private static final String COPY = "COPY product_sync_staging (" + COLUMNS + ") FROM STDIN (FORMAT csv)";

    // A second merge in one transaction (a verdict between results) empties the staged rows of the first.
    private static final String EMPTY = "DELETE FROM product_sync_staging";

    // A row is rewritten only when the result is newer (so at least evaluated_at differs) or moves the sync date
    // forward: a replayed or older result leaves the row as it is. An older result may still move the sync date.
    private static final String MERGE =
            """
            INSERT INTO product_sync AS t (columns)
            SELECT columns FROM product_sync_staging
            ON CONFLICT (tenant_id, cart_id, sku) DO UPDATE SET
                inventory_enabled = CASE WHEN newer THEN excluded.inventory_enabled ELSE t.inventory_enabled END,
                outcome = CASE WHEN newer THEN excluded.outcome ELSE t.outcome END,
                reason = CASE WHEN newer THEN excluded.reason ELSE t.reason END,
                detail = CASE WHEN newer THEN excluded.detail ELSE t.detail END,
                matched_wms_sku = CASE WHEN newer THEN excluded.matched_wms_sku ELSE t.matched_wms_sku END,
                matched_via = CASE WHEN newer THEN excluded.matched_via ELSE t.matched_via END,
                cart_quantity = CASE WHEN newer THEN excluded.cart_quantity ELSE t.cart_quantity END,
                wms_quantity = CASE WHEN newer THEN excluded.wms_quantity ELSE t.wms_quantity END,
                pushed_quantity = CASE WHEN newer THEN excluded.pushed_quantity ELSE t.pushed_quantity END,
                event_id = CASE WHEN newer THEN excluded.event_id ELSE t.event_id END,
                source_partition = CASE WHEN newer THEN excluded.source_partition ELSE t.source_partition END,
                evaluated_at = GREATEST(t.evaluated_at, excluded.evaluated_at),
                last_cart_sync_date = GREATEST(t.last_cart_sync_date, excluded.last_cart_sync_date)
            WHERE newer
               OR excluded.last_cart_sync_date > coalesce(t.last_cart_sync_date, '-infinity'::timestamptz)
            """.replace("newer", "(excluded.evaluated_at > t.evaluated_at)").replace("columns", COLUMNS);

    private final JdbcTemplate jdbc;

    // The physical connections that hold the staging table (it lives as long as its connection): asking PostgreSQL
    // to create it if absent cost a round trip and a catalog lookup per batch.
    private final Set<PGConnection> staged =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    StagedMerge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rows with distinct keys (PostgreSQL refuses to update one row twice in one statement); {@code again}: an earlier
     * upsert of this transaction left its rows in the staging table.
     */
    void upsert(List<ProductSyncRow> rows, boolean again) {
        if (rows.isEmpty()) {
            return;
        }
        String csv = csv(rows);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            try (Statement statement = connection.createStatement()) {
                if (staged.add(postgres)) {
                    // Created in this transaction: a rollback takes the table back with it.
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                staged.remove(postgres);
                            }
                        }
                    });
                    statement.execute(STAGING);
                } else if (again) {
                    statement.executeUpdate(EMPTY);
                }
                postgres.getCopyAPI().copyIn(COPY, new StringReader(csv));
                statement.executeUpdate(MERGE);
            } catch (IOException e) {
                throw new SQLException("cannot COPY into product_sync_staging", e);
            }
            return null;
        });
    }

    /** PostgreSQL's CSV: every text quoted (quotes doubled), null an empty unquoted field, times ISO-8601 in UTC. */
    private static String csv(List<ProductSyncRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 220);
        for (ProductSyncRow row : rows) {
            SkuSyncEvaluated r = row.result();
            text(csv, row.key().tenantId()).append(',');
            text(csv, row.key().cartId()).append(',');
            text(csv, row.key().sku()).append(',');
            csv.append(r.inventoryEnabled()).append(',');
            text(csv, r.outcome().name()).append(',');
            text(csv, r.reason() == null ? null : r.reason().name()).append(',');
            text(csv, r.detail()).append(',');
            text(csv, r.matchedWmsSku()).append(',');
            text(csv, r.matchedVia() == null ? null : r.matchedVia().name()).append(',');
            plain(csv, r.cartQuantity()).append(',');
            plain(csv, r.wmsQuantity()).append(',');
            plain(csv, r.pushedQuantity()).append(',');
            plain(csv, row.lastCartSyncDate()).append(',');
            plain(csv, r.evaluatedAt()).append(',');
            plain(csv, r.eventId()).append(',');
            csv.append(row.partition()).append('\n');
        }
        return csv.toString();
    }

    private static StringBuilder text(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        return csv.append('"')
                .append(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""))
                .append('"');
    }

    private static StringBuilder plain(StringBuilder csv, Object value) {
        return value == null ? csv : csv.append(value);
    }
}
