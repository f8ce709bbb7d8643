package io.productsync.report.cart;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.Topics;
import io.productsync.report.system.ConnectionColumns;
import io.productsync.report.system.Ingest;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.LatestValueProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The carts table mirrors the compacted cart-connections topic; a tombstone disconnects the cart. */
@Configuration(proxyBeanMethods = false)
class CartProjection {

    static final KeyedTopic<CartKey, CartConnectionConfigured> TOPIC = new KeyedTopic<>(
            Topics.CART_CONNECTIONS,
            CartKey::parse,
            connection -> connection.key().value());

    static final LatestValueProjection.Table<CartKey, CartConnectionConfigured> TABLE =
            new LatestValueProjection.Table<>(
                    "DELETE FROM carts WHERE tenant_id = ? AND cart_id = ?",
                    (ps, key) -> {
                        ps.setString(1, key.tenantId());
                        ps.setString(2, key.cartId());
                    },
                    """
                    INSERT INTO carts (tenant_id, cart_id, wms_id, cart_sync_enabled, wms_sync_enabled, poll_interval,
                        configured_at, platform, settings, sealed_credentials, credentials_set_at)
                    VALUES (?, ?, ?, ?, ?, make_interval(secs => ?), ?, ?, CAST(? AS jsonb), ?, ?)
                    ON CONFLICT (tenant_id, cart_id) DO UPDATE SET wms_id = excluded.wms_id,
                        cart_sync_enabled = excluded.cart_sync_enabled, wms_sync_enabled = excluded.wms_sync_enabled,
                        poll_interval = excluded.poll_interval, configured_at = excluded.configured_at,
                        platform = excluded.platform, settings = excluded.settings,
                        sealed_credentials = excluded.sealed_credentials,
                        credentials_set_at = excluded.credentials_set_at
                    """,
                    (ps, c) -> {
                        ps.setString(1, c.tenantId());
                        ps.setString(2, c.cartId());
                        ps.setString(3, c.wmsId());
                        ps.setBoolean(4, c.cartSyncEnabled());
                        ps.setBoolean(5, c.wmsSyncEnabled());
                        ps.setDouble(6, c.pollInterval().toMillis() / 1000.0);
                        ps.setObject(7, ConnectionColumns.utc(c.configuredAt()));
                        ConnectionColumns.bind(
                                ps, 8, c.platform().token(), c.settings(), c.sealedCredentials(), c.credentialsSetAt());
                    });

    @Bean
    static LatestValueProjection<CartKey, CartConnectionConfigured> cartsProjection(
            @Ingest JdbcTemplate jdbc, @Ingest TransactionTemplate transaction) {
        return new LatestValueProjection<>(TOPIC, TABLE, jdbc, transaction);
    }
}
