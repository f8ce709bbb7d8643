package io.productsync.report.syncstatus;

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
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The only writer of product_sync: one transaction and two JDBC batches per listener batch. */
@Component
class SyncResultWriter {

    private static final String DELETE = "DELETE FROM product_sync WHERE tenant_id = ? AND cart_id = ? AND sku = ?";

    // An older (or replayed) result changes nothing but may still move the sync date forward.
    private static final String UPSERT = """
            INSERT INTO product_sync AS t (tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail,
                matched_wms_sku, matched_via, cart_quantity, wms_quantity, pushed_quantity, last_cart_sync_date,
                evaluated_at, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                evaluated_at = GREATEST(t.evaluated_at, excluded.evaluated_at),
                last_cart_sync_date = GREATEST(t.last_cart_sync_date, excluded.last_cart_sync_date)
            WHERE newer
               OR excluded.last_cart_sync_date > coalesce(t.last_cart_sync_date, '-infinity'::timestamptz)
            """.replace("newer", "(excluded.evaluated_at > t.evaluated_at)");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SyncResultWriter(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void write(List<Change<CartSkuKey, SkuSyncEvaluated>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        CollapsedBatch batch = CollapsedBatch.of(changes);
        transaction.executeWithoutResult(status -> {
            Batches.execute(jdbc, DELETE, batch.deletes(), SyncResultWriter::bindKey);
            Batches.execute(jdbc, UPSERT, batch.upserts(), SyncResultWriter::bindRow);
        });
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
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
