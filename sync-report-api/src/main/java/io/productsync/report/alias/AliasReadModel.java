package io.productsync.report.alias;

import io.productsync.events.AliasKind;
import io.productsync.report.syncstatus.SyncFilter;
import io.productsync.report.system.KeysetPage;
import io.productsync.report.system.TenantReads;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the aliases table (written only by the product-aliases projection) in alias order with keyset pages. */
@Component
public class AliasReadModel {

    private final TenantReads reads;

    public AliasReadModel(TenantReads reads) {
        this.reads = reads;
    }

    /** Up to {@code limit} aliases after {@code afterAlias} (exclusive, null = from the start). */
    public KeysetPage<AliasView> page(String tenantId, String afterAlias, int limit) {
        return page(tenantId, AliasSearch.ALL, afterAlias, limit);
    }

    /**
     * Up to {@code limit} aliases matching {@code search} after {@code afterAlias}, in alias order. Prefixes are byte
     * ranges (exact for '%' and '_'): the alias one on the primary key, the WMS SKU one on its "C" index.
     */
    public KeysetPage<AliasView> page(String tenantId, AliasSearch search, String afterAlias, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT alias, wms_sku, kind, changed_at FROM aliases
                WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR alias > CAST(:after AS text) COLLATE "C")
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        params.put("after", afterAlias);
        params.put("limit", limit + 1);
        prefix(sql, params, "alias", "alias", search.aliasPrefix());
        prefix(sql, params, "(wms_sku COLLATE \"C\")", "wmsSku", search.wmsSkuPrefix());
        sql.append(" ORDER BY alias LIMIT :limit");
        List<AliasView> rows = reads.read(
                tenantId,
                jdbc -> jdbc.sql(sql.toString())
                        .params(params)
                        .query((rs, i) -> {
                            OffsetDateTime changedAt = rs.getObject("changed_at", OffsetDateTime.class);
                            return new AliasView(
                                    rs.getString("alias"),
                                    rs.getString("wms_sku"),
                                    AliasKind.valueOf(rs.getString("kind")),
                                    changedAt == null ? null : changedAt.toInstant());
                        })
                        .list());
        return KeysetPage.of(rows, limit, AliasView::alias);
    }

    private static void prefix(
            StringBuilder sql, Map<String, Object> params, String column, String name, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" >= :").append(name).append(" COLLATE \"C\"");
        params.put(name, prefix);
        String end = SyncFilter.prefixEnd(prefix);
        if (end != null) {
            sql.append(" AND ").append(column).append(" < :").append(name).append("End COLLATE \"C\"");
            params.put(name + "End", end);
        }
    }

    /**
     * The existing aliases among {@code names}: those whose alias or WMS SKU is one of them, by alias. One query for a
     * whole imported file, on the primary key and the wms_sku index.
     */
    Map<String, AliasView> among(String tenantId, Collection<String> names) {
        Map<String, AliasView> found = new HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        reads.read(
                        tenantId,
                        jdbc -> jdbc.sql("""
                SELECT alias, wms_sku, kind FROM aliases
                WHERE tenant_id = :tenant AND (alias = ANY(:names) OR wms_sku = ANY(:names))
                """)
                                .param("tenant", tenantId)
                                .param("names", names.toArray(String[]::new))
                                .query((rs, i) -> new AliasView(
                                        rs.getString("alias"),
                                        rs.getString("wms_sku"),
                                        AliasKind.valueOf(rs.getString("kind")),
                                        null))
                                .list())
                .forEach(view -> found.put(view.alias(), view));
        return found;
    }

    /** An existing alias and the WMS SKU it points at. */
    record AliasLink(String alias, String wmsSku) {}

    /**
     * The existing aliases that {@code alias -> wmsSku} would chain with: {@code wmsSku} itself as an alias, and other
     * aliases that point at {@code alias}. One query, on the primary key and the wms_sku index.
     */
    List<AliasLink> chainingWith(String tenantId, String alias, String wmsSku) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql("""
                (SELECT alias, wms_sku FROM aliases WHERE tenant_id = :tenant AND alias = :wmsSku AND alias <> :alias)
                UNION ALL
                (SELECT alias, wms_sku FROM aliases WHERE tenant_id = :tenant AND wms_sku = :alias AND alias <> :alias
                 ORDER BY alias LIMIT 5)
                """)
                        .param("tenant", tenantId)
                        .param("alias", alias)
                        .param("wmsSku", wmsSku)
                        .query((rs, i) -> new AliasLink(rs.getString("alias"), rs.getString("wms_sku")))
                        .list());
    }
}
