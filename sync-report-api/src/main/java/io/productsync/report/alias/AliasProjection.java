package io.productsync.report.alias;

import io.productsync.events.AliasKey;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import io.productsync.report.system.Ingest;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.LatestValueProjection;
import java.sql.Types;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The aliases table mirrors the compacted product-aliases topic. */
@Configuration(proxyBeanMethods = false)
class AliasProjection {

    static final KeyedTopic<AliasKey, ProductAliasChanged> TOPIC = new KeyedTopic<>(
            Topics.PRODUCT_ALIASES, AliasKey::parse, change -> change.key().value());

    static final LatestValueProjection.Table<AliasKey, ProductAliasChanged> TABLE = new LatestValueProjection.Table<>(
            "DELETE FROM aliases WHERE tenant_id = ? AND alias = ?",
            (ps, key) -> {
                ps.setString(1, key.tenantId());
                ps.setString(2, key.alias());
            },
            """
            INSERT INTO aliases (tenant_id, alias, wms_sku, kind, changed_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, alias) DO UPDATE SET wms_sku = excluded.wms_sku,
                kind = excluded.kind, changed_at = excluded.changed_at
            """,
            (ps, a) -> {
                ps.setString(1, a.tenantId());
                ps.setString(2, a.alias());
                ps.setString(3, a.wmsSku());
                ps.setString(4, a.kind().name());
                ps.setObject(
                        5,
                        a.changedAt() == null ? null : a.changedAt().atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
            });

    @Bean
    static LatestValueProjection<AliasKey, ProductAliasChanged> aliasesProjection(
            @Ingest JdbcTemplate jdbc, @Ingest TransactionTemplate transaction) {
        return new LatestValueProjection<>(TOPIC, TABLE, jdbc, transaction);
    }
}
