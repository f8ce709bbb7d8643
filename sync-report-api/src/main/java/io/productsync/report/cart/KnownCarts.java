package io.productsync.report.cart;

import io.productsync.report.system.Ingest;
import io.productsync.report.system.TenantReads;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which tenants and carts exist (a tenant also exists once it has connected a WMS). The carts table is written only by the cart-connections projection; a cart also
 * counts as known while it has sync rows, because sync-results may be read before the connection that produced them.
 */
@Component
public class KnownCarts {

    private final TenantReads reads;
    private final JdbcClient allTenants;

    /** {@code allTenants}: the ingest role, the one that sees every tenant, for the list of tenant ids only. */
    public KnownCarts(TenantReads reads, @Ingest DataSource allTenants) {
        this.reads = reads;
        this.allTenants = JdbcClient.create(allTenants);
    }

    public boolean tenantKnown(String tenantId) {
        return exists(tenantId, """
                SELECT EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant)
                    OR EXISTS (SELECT 1 FROM wms_connections WHERE tenant_id = :tenant)
                    OR EXISTS (SELECT 1 FROM product_sync WHERE tenant_id = :tenant)
                """, Map.of("tenant", tenantId));
    }

    /**
     * Every known tenant in byte order. product_sync is walked by its primary key one tenant at a time (a skip scan:
     * one index probe per tenant), never row by row. Only ids cross tenants here: each tenant's rows are read as the web
     * role in its own transaction.
     */
    public List<String> tenants() {
        return allTenants.sql("""
                WITH RECURSIVE synced AS (
                    SELECT min(tenant_id) AS tenant_id FROM product_sync
                    UNION ALL
                    SELECT (SELECT min(tenant_id) FROM product_sync WHERE tenant_id > synced.tenant_id)
                    FROM synced WHERE synced.tenant_id IS NOT NULL)
                SELECT tenant_id FROM (
                    SELECT tenant_id FROM synced WHERE tenant_id IS NOT NULL
                    UNION SELECT tenant_id FROM carts
                    UNION SELECT tenant_id FROM wms_connections) known
                ORDER BY tenant_id COLLATE "C"
                """).query(String.class).list();
    }

    public boolean cartKnown(String tenantId, String cartId) {
        return exists(tenantId, """
                SELECT EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant AND cart_id = :cart)
                    OR EXISTS (SELECT 1 FROM product_sync WHERE tenant_id = :tenant AND cart_id = :cart)
                """, Map.of("tenant", tenantId, "cart", cartId));
    }

    /** One round trip: these checks run on every page and API call that names a tenant or a cart. */
    private boolean exists(String tenantId, String sql, Map<String, ?> params) {
        return reads.query(tenantId, sql, params, (rs, row) -> rs.getBoolean(1)).get(0);
    }
}
