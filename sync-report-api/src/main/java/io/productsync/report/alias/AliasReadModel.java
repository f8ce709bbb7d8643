package io.productsync.report.alias;

import io.productsync.events.AliasKind;
import io.productsync.report.system.KeysetPage;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the aliases table (written only by the product-aliases projection) in alias order with keyset pages. */
@Component
public class AliasReadModel {

    private final JdbcClient jdbc;

    public AliasReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** An existing alias and the WMS SKU it points at. */
    record AliasLink(String alias, String wmsSku) {}

    /**
     * The existing aliases that {@code alias -> wmsSku} would chain with: {@code wmsSku} itself as an alias, and other
     * aliases that point at {@code alias}. One query, on the primary key and the wms_sku index.
     */
    List<AliasLink> chainingWith(String tenantId, String alias, String wmsSku) {
        return jdbc.sql("""
                (SELECT alias, wms_sku FROM aliases WHERE tenant_id = :tenant AND alias = :wmsSku AND alias <> :alias)
                UNION ALL
                (SELECT alias, wms_sku FROM aliases WHERE tenant_id = :tenant AND wms_sku = :alias AND alias <> :alias
                 ORDER BY alias LIMIT 5)
                """)
                .param("tenant", tenantId)
                .param("alias", alias)
                .param("wmsSku", wmsSku)
                .query((rs, i) -> new AliasLink(rs.getString("alias"), rs.getString("wms_sku")))
                .list();
    }
}
