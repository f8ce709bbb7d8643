package io.productsync.report.alias;

import io.productsync.events.AliasKey;
import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.report.system.Batches;
import io.productsync.report.system.KeysetPage;
import io.productsync.report.system.LatestPerKey;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The aliases table: written only by the product-aliases listener, read in alias order with keyset pages. */
@Component
public class AliasReadModel {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    AliasReadModel(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
    }

    /** Up to {@code limit} aliases after {@code afterAlias} (exclusive, null = from the start). */
    public KeysetPage<AliasView> page(String tenantId, String afterAlias, int limit) {
        List<AliasView> rows = jdbc.sql("""
                SELECT alias, wms_sku, kind, changed_at FROM aliases
                WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR alias > CAST(:after AS text) COLLATE "C")
                ORDER BY alias LIMIT :limit
                """)
                .param("tenant", tenantId)
                .param("after", afterAlias)
                .param("limit", limit + 1)
                .query((rs, i) -> {
                    OffsetDateTime changedAt = rs.getObject("changed_at", OffsetDateTime.class);
                    return new AliasView(
                            rs.getString("alias"),
                            rs.getString("wms_sku"),
                            AliasKind.valueOf(rs.getString("kind")),
                            changedAt == null ? null : changedAt.toInstant());
                })
                .list();
        return KeysetPage.of(rows, limit, AliasView::alias);
    }

    void apply(List<ProductAliasesListener.AliasChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        LatestPerKey<AliasKey, ProductAliasChanged> latest = LatestPerKey.of(
                changes, ProductAliasesListener.AliasChange::key, ProductAliasesListener.AliasChange::change);
        transaction.executeWithoutResult(status -> {
            Batches.execute(
                    batch, "DELETE FROM aliases WHERE tenant_id = ? AND alias = ?", latest.deletes(), (ps, key) -> {
                        ps.setString(1, key.tenantId());
                        ps.setString(2, key.alias());
                    });
            Batches.execute(batch, """
                    INSERT INTO aliases (tenant_id, alias, wms_sku, kind, changed_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, alias) DO UPDATE SET wms_sku = excluded.wms_sku,
                        kind = excluded.kind, changed_at = excluded.changed_at
                    """, latest.upserts(), (ps, a) -> {
                ps.setString(1, a.tenantId());
                ps.setString(2, a.alias());
                ps.setString(3, a.wmsSku());
                ps.setString(4, a.kind().name());
                ps.setObject(
                        5,
                        a.changedAt() == null ? null : a.changedAt().atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
            });
        });
    }
}
