package io.productsync.report;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark's big cart, written straight into product_sync by one INSERT ... SELECT generate_series: SKUs
 * {@code SKU-0000001} on, 1 % NEVER (NO_WMS_MATCH), 0.4 % FAILED with a quoted detail, 1 in 7 through an alias, spread
 * over six partitions of sync-results.
 */
public final class BigCart {

    private BigCart() {}

    public static void fill(JdbcTemplate jdbc, String tenantId, String cartId, int rows) {
        jdbc.update("""
                INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail,
                    matched_wms_sku, matched_via, cart_quantity, wms_quantity, last_cart_sync_date, evaluated_at,
                    event_id, source_partition)
                SELECT ?, ?, 'SKU-' || lpad(i::text, 7, '0'), i % 500 <> 0,
                       CASE WHEN i % 100 = 0 THEN 'NOT_SYNCED' WHEN i % 250 = 0 THEN 'FAILED' ELSE 'VERIFIED' END,
                       CASE WHEN i % 100 = 0 THEN 'NO_WMS_MATCH' WHEN i % 250 = 0 THEN 'CART_REJECTED' END,
                       CASE WHEN i % 250 = 0 AND i % 100 <> 0 THEN 'CHANGE_REJECTED: location "main", not active' END,
                       CASE WHEN i % 100 <> 0 THEN CASE WHEN i % 7 = 0 THEN 'WMS-' ELSE 'SKU-' END
                           || lpad(i::text, 7, '0') END,
                       CASE WHEN i % 100 <> 0 THEN CASE WHEN i % 7 = 0 THEN 'ALIAS' ELSE 'SKU' END END,
                       i % 90, CASE WHEN i % 100 <> 0 THEN i % 90 END,
                       CASE WHEN i % 100 <> 0 AND i % 250 <> 0 THEN now() - (i % 3600) * interval '1 second' END,
                       now(), gen_random_uuid(), i % 6
                FROM generate_series(1, ?) AS i
                """, tenantId, cartId, rows);
        jdbc.execute("ANALYZE product_sync");
    }
}
