package io.productsync.report.cart;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.report.system.Batches;
import io.productsync.report.system.LatestPerKey;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which tenants and carts exist. The carts table is written only from cart-connections; a cart also counts as known
 * while it has sync rows, because sync-results may be read before the connection that produced them.
 */
@Component
public class KnownCarts {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    public KnownCarts(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
    }

    public boolean tenantKnown(String tenantId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant)
                    OR EXISTS (SELECT 1 FROM product_sync WHERE tenant_id = :tenant)
                """).param("tenant", tenantId).query(Boolean.class).single();
    }

    public boolean cartKnown(String tenantId, String cartId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant AND cart_id = :cart)
                    OR EXISTS (SELECT 1 FROM product_sync WHERE tenant_id = :tenant AND cart_id = :cart)
                """)
                .param("tenant", tenantId)
                .param("cart", cartId)
                .query(Boolean.class)
                .single();
    }

    void apply(List<CartConnectionsListener.CartChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        LatestPerKey<CartKey, CartConnectionConfigured> latest = LatestPerKey.of(
                changes, CartConnectionsListener.CartChange::key, CartConnectionsListener.CartChange::connection);
        transaction.executeWithoutResult(status -> {
            Batches.execute(
                    batch, "DELETE FROM carts WHERE tenant_id = ? AND cart_id = ?", latest.deletes(), (ps, key) -> {
                        ps.setString(1, key.tenantId());
                        ps.setString(2, key.cartId());
                    });
            Batches.execute(batch, """
                    INSERT INTO carts (tenant_id, cart_id, wms_id, cart_sync_enabled, wms_sync_enabled, poll_interval,
                        configured_at)
                    VALUES (?, ?, ?, ?, ?, make_interval(secs => ?), ?)
                    ON CONFLICT (tenant_id, cart_id) DO UPDATE SET wms_id = excluded.wms_id,
                        cart_sync_enabled = excluded.cart_sync_enabled, wms_sync_enabled = excluded.wms_sync_enabled,
                        poll_interval = excluded.poll_interval, configured_at = excluded.configured_at
                    """, latest.upserts(), (ps, c) -> {
                ps.setString(1, c.tenantId());
                ps.setString(2, c.cartId());
                ps.setString(3, c.wmsId());
                ps.setBoolean(4, c.cartSyncEnabled());
                ps.setBoolean(5, c.wmsSyncEnabled());
                ps.setDouble(6, c.pollInterval().toMillis() / 1000.0);
                ps.setObject(7, c.configuredAt().atOffset(ZoneOffset.UTC));
            });
        });
    }
}
