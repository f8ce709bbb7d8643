package io.productsync.report.connection;

import io.productsync.events.Topics;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import io.productsync.report.system.ConnectionColumns;
import io.productsync.report.system.Ingest;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.LatestValueProjection;
import java.sql.Types;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The wms_connections table mirrors the compacted wms-connections topic; a tombstone disconnects the WMS. */
@Configuration(proxyBeanMethods = false)
class WmsProjection {

    static final KeyedTopic<WmsKey, WmsConnectionConfigured> TOPIC = new KeyedTopic<>(
            Topics.WMS_CONNECTIONS,
            WmsKey::parse,
            connection -> connection.key().value());

    static final LatestValueProjection.Table<WmsKey, WmsConnectionConfigured> TABLE = new LatestValueProjection.Table<>(
            "DELETE FROM wms_connections WHERE tenant_id = ? AND wms_id = ?",
            (ps, key) -> {
                ps.setString(1, key.tenantId());
                ps.setString(2, key.wmsId());
            },
            """
                    INSERT INTO wms_connections (tenant_id, wms_id, configured_at, platform, settings,
                        sealed_credentials, credentials_set_at, poll_interval)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, make_interval(secs => ?))
                    ON CONFLICT (tenant_id, wms_id) DO UPDATE SET configured_at = excluded.configured_at,
                        platform = excluded.platform, settings = excluded.settings,
                        sealed_credentials = excluded.sealed_credentials,
                        credentials_set_at = excluded.credentials_set_at, poll_interval = excluded.poll_interval
                    """,
            (ps, w) -> {
                ps.setString(1, w.tenantId());
                ps.setString(2, w.wmsId());
                ps.setObject(3, ConnectionColumns.utc(w.configuredAt()));
                ConnectionColumns.bind(
                        ps, 4, w.platform().token(), w.settings(), w.sealedCredentials(), w.credentialsSetAt());
                if (w.pollInterval() == null) {
                    ps.setNull(8, Types.DOUBLE);
                } else {
                    ps.setDouble(8, w.pollInterval().toMillis() / 1000.0);
                }
            });

    @Bean
    static LatestValueProjection<WmsKey, WmsConnectionConfigured> wmsConnectionsProjection(
            @Ingest JdbcTemplate jdbc, @Ingest TransactionTemplate transaction) {
        return new LatestValueProjection<>(TOPIC, TABLE, jdbc, transaction);
    }
}
