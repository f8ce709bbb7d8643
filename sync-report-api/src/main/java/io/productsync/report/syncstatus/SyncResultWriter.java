package io.productsync.report.syncstatus;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.report.system.Batches;
import io.productsync.report.system.Change;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of product_sync and cart_cycles: one transaction per listener batch, in which the results (JDBC
 * batches) and the cycle verdicts are applied in offset order.
 */
@Component
class SyncResultWriter {

    private static final String DELETE = "DELETE FROM product_sync WHERE tenant_id = ? AND cart_id = ? AND sku = ?";

    // An older (or replayed) result changes nothing but may still move the sync date forward.
    private static final String UPSERT = """
            INSERT INTO product_sync AS t (tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail,
                matched_wms_sku, matched_via, cart_quantity, wms_quantity, pushed_quantity, last_cart_sync_date,
                evaluated_at, event_id, source_partition)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            """.replace("newer", "(excluded.evaluated_at > t.evaluated_at)");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CycleVerdicts verdicts;

    SyncResultWriter(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.verdicts = new CycleVerdicts(jdbc);
    }

    /** Records of sync-results as read, in offset order: results, tombstones and cycle verdicts. */
    void write(List<? extends Change<?, ?>> records) {
        if (records.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            List<Change<CartSkuKey, SkuSyncEvaluated>> results = new ArrayList<>();
            for (Change<?, ?> record : records) {
                if (record.value() instanceof CartCycleVerified verdict) {
                    // The results before a verdict are written before it and those after it after it. Writing the
                    // whole batch's results first would be wrong: a verdict moves only rows whose latest result is
                    // synced, so a NOT_SYNCED result that follows it would stop it from moving a row it moved.
                    writeResults(results);
                    results.clear();
                    verdicts.apply(verdict);
                } else {
                    results.add(new Change<>(
                            (CartSkuKey) record.key(), (SkuSyncEvaluated) record.value(), record.partition()));
                }
            }
            writeResults(results);
        });
    }

    private void writeResults(List<Change<CartSkuKey, SkuSyncEvaluated>> results) {
        CollapsedBatch batch = CollapsedBatch.of(results);
        Batches.execute(jdbc, DELETE, batch.deletes(), SyncResultWriter::bindKey);
        Batches.execute(jdbc, UPSERT, batch.upserts(), SyncResultWriter::bindRow);
    }

    private static void bindKey(PreparedStatement ps, CartSkuKey key) throws SQLException {
        ps.setString(1, key.tenantId());
        ps.setString(2, key.cartId());
        ps.setString(3, key.sku());
    }

    private static void bindRow(PreparedStatement ps, ProductSyncRow row) throws SQLException {
        SkuSyncEvaluated r = row.result();
        bindKey(ps, row.key());
        ps.setBoolean(4, r.inventoryEnabled());
        ps.setString(5, r.outcome().name());
        ps.setString(6, r.reason() == null ? null : r.reason().name());
        ps.setString(7, r.detail());
        ps.setString(8, r.matchedWmsSku());
        ps.setString(9, r.matchedVia() == null ? null : r.matchedVia().name());
        ps.setObject(10, r.cartQuantity(), Types.BIGINT);
        ps.setObject(11, r.wmsQuantity(), Types.BIGINT);
        ps.setObject(12, r.pushedQuantity(), Types.BIGINT);
        ps.setObject(13, timestamp(row.lastCartSyncDate()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(14, timestamp(r.evaluatedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(15, r.eventId());
        ps.setInt(16, row.partition());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
