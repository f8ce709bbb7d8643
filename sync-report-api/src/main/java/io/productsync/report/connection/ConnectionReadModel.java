package io.productsync.report.connection;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartPlatform;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsPlatform;
import io.productsync.report.system.ConnectionColumns;
import io.productsync.report.system.TenantReads;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads the connections as last consumed back from their compacted topics (carts: written by the cart-connections
 * projection; wms_connections: by the wms-connections projection), as the events they were.
 */
@Component
class ConnectionReadModel {

    private static final String CART_COLUMNS = """
            SELECT tenant_id, cart_id, wms_id, cart_sync_enabled, wms_sync_enabled,
                EXTRACT(EPOCH FROM poll_interval) AS poll_seconds, configured_at, platform, settings,
                sealed_credentials, credentials_set_at
            FROM carts""";

    private static final String WMS_COLUMNS = """
            SELECT tenant_id, wms_id, platform, settings, sealed_credentials, credentials_set_at, configured_at,
                EXTRACT(EPOCH FROM poll_interval) AS poll_seconds
            FROM wms_connections""";

    private final TenantReads reads;

    ConnectionReadModel(TenantReads reads) {
        this.reads = reads;
    }

    Optional<CartConnectionConfigured> cart(String tenantId, String cartId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql(CART_COLUMNS + " WHERE tenant_id = :tenant AND cart_id = :cart")
                        .param("tenant", tenantId)
                        .param("cart", cartId)
                        .query((rs, i) -> cart(rs))
                        .optional());
    }

    List<CartConnectionConfigured> carts(String tenantId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql(CART_COLUMNS + " WHERE tenant_id = :tenant ORDER BY cart_id")
                        .param("tenant", tenantId)
                        .query((rs, i) -> cart(rs))
                        .list());
    }

    Optional<WmsConnectionConfigured> wms(String tenantId, String wmsId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql(WMS_COLUMNS + " WHERE tenant_id = :tenant AND wms_id = :wms")
                        .param("tenant", tenantId)
                        .param("wms", wmsId)
                        .query((rs, i) -> wms(rs))
                        .optional());
    }

    List<WmsConnectionConfigured> wmses(String tenantId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql(WMS_COLUMNS + " WHERE tenant_id = :tenant ORDER BY wms_id")
                        .param("tenant", tenantId)
                        .query((rs, i) -> wms(rs))
                        .list());
    }

    /** A WMS exists when it is connected, or when a known cart names it (the sandbox WMSes). */
    boolean wmsKnown(String tenantId, String wmsId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM wms_connections WHERE tenant_id = :tenant AND wms_id = :wms)
                    OR EXISTS (SELECT 1 FROM carts WHERE tenant_id = :tenant AND wms_id = :wms)
                """)
                        .param("tenant", tenantId)
                        .param("wms", wmsId)
                        .query(Boolean.class)
                        .single());
    }

    /** The carts a WMS feeds, up to a few, to say which ones keep it from being disconnected. */
    List<String> cartsFedBy(String tenantId, String wmsId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql("""
                SELECT cart_id FROM carts WHERE tenant_id = :tenant AND wms_id = :wms ORDER BY cart_id LIMIT 5
                """)
                        .param("tenant", tenantId)
                        .param("wms", wmsId)
                        .query(String.class)
                        .list());
    }

    private static CartConnectionConfigured cart(ResultSet rs) throws SQLException {
        return new CartConnectionConfigured(
                rs.getString("tenant_id"),
                rs.getString("cart_id"),
                rs.getString("wms_id"),
                rs.getBoolean("cart_sync_enabled"),
                rs.getBoolean("wms_sync_enabled"),
                pollInterval(rs),
                ConnectionColumns.instant(rs, "configured_at"),
                CartPlatform.ofToken(rs.getString("platform")),
                ConnectionColumns.settings(rs),
                rs.getString("sealed_credentials"),
                ConnectionColumns.instant(rs, "credentials_set_at"));
    }

    private static WmsConnectionConfigured wms(ResultSet rs) throws SQLException {
        return new WmsConnectionConfigured(
                rs.getString("tenant_id"),
                rs.getString("wms_id"),
                WmsPlatform.ofToken(rs.getString("platform")),
                ConnectionColumns.settings(rs),
                rs.getString("sealed_credentials"),
                ConnectionColumns.instant(rs, "credentials_set_at"),
                ConnectionColumns.instant(rs, "configured_at"),
                pollInterval(rs));
    }

    /** {@code poll_seconds} as a duration, or null when the column is null. */
    private static Duration pollInterval(ResultSet rs) throws SQLException {
        BigDecimal seconds = rs.getBigDecimal("poll_seconds");
        return seconds == null
                ? null
                : Duration.ofMillis(seconds.movePointRight(3).longValue());
    }
}
