package io.productsync.report.cart;

import io.productsync.report.system.TenantReads;
import org.springframework.stereotype.Component;

/**
 * Which tenants and carts exist (a tenant also exists once it has connected a WMS). The carts table is written only by the cart-connections projection; a cart also
 * counts as known while it has sync rows, because sync-results may be read before the connection that produced them.
 */
@Component
public class KnownCarts {

    private final TenantReads reads;

    public KnownCarts(TenantReads reads) {
        this.reads = reads;
    }

    public boolean tenantKnown(String tenantId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant)
                    OR EXISTS (SELECT 1 FROM wms_connections WHERE tenant_id = :tenant)
                    OR EXISTS (SELECT 1 FROM product_sync WHERE tenant_id = :tenant)
                """)
                        .param("tenant", tenantId)
                        .query(Boolean.class)
                        .single());
    }

    public boolean cartKnown(String tenantId, String cartId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant AND cart_id = :cart)
                    OR EXISTS (SELECT 1 FROM product_sync WHERE tenant_id = :tenant AND cart_id = :cart)
                """)
                        .param("tenant", tenantId)
                        .param("cart", cartId)
                        .query(Boolean.class)
                        .single());
    }
}
