package io.productsync.report.syncstatus;

import io.productsync.events.MatchedVia;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.system.KeysetPage;
import io.productsync.report.system.TenantReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads the View Product Sync table: keyset pages in SKU order, one SKU, and the cart's counts. */
@Component
public class ProductSyncQueries {

    private static final String COLUMNS = """
            SELECT sku, inventory_enabled, last_cart_sync_date, outcome, reason, detail, matched_wms_sku,
                   matched_via, cart_quantity, wms_quantity, pushed_quantity, evaluated_at
            FROM product_sync WHERE tenant_id = :tenant AND cart_id = :cart
            """;

    // The counts the writes keep (product_sync_counts, V8), not a count over the cart's rows; and the last cycle.
    static final String SUMMARY = """
            SELECT c.never, c.reason, c.failed, c.n, y.cycle_at, y.completed_at
            FROM (VALUES (1)) AS one (x)
            LEFT JOIN product_sync_counts c ON c.tenant_id = :tenant AND c.cart_id = :cart
            LEFT JOIN cart_cycles y ON y.tenant_id = :tenant AND y.cart_id = :cart
            """;

    private final TenantReads reads;

    public ProductSyncQueries(TenantReads reads) {
        this.reads = reads;
    }

    /** Up to {@code limit} rows after {@code afterSku} (exclusive, null = from the start). */
    public KeysetPage<ProductSyncItem> page(
            String tenantId, String cartId, SyncFilter filter, String afterSku, int limit) {
        Statement page = pageStatement(tenantId, cartId, filter, afterSku, limit + 1);
        List<ProductSyncItem> rows = reads.query(tenantId, page.sql(), page.params(), ProductSyncQueries::item);
        return KeysetPage.of(rows, limit, ProductSyncItem::sku);
    }

    /**
     * Up to {@code limit} rows before {@code beforeSku} (exclusive), in SKU order (the page a "previous" link shows);
     * {@code lastKey} is then the first SKU of the page when more rows precede it, else null.
     */
    public KeysetPage<ProductSyncItem> pageBefore(
            String tenantId, String cartId, SyncFilter filter, String beforeSku, int limit) {
        Statement page = pageStatement(tenantId, cartId, filter, null, beforeSku, limit + 1);
        List<ProductSyncItem> rows =
                new ArrayList<>(reads.query(tenantId, page.sql(), page.params(), ProductSyncQueries::item));
        boolean more = rows.size() > limit;
        List<ProductSyncItem> items = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
        Collections.reverse(items);
        return new KeysetPage<>(List.copyOf(items), more ? items.get(0).sku() : null);
    }

    /** SQL and named parameters; visible to the query-plan test. */
    record Statement(String sql, Map<String, Object> params) {}

    static Statement pageStatement(String tenantId, String cartId, SyncFilter filter, String afterSku, int limit) {
        return pageStatement(tenantId, cartId, filter, afterSku, null, limit);
    }

    /** Forwards after {@code afterSku}, or (with {@code beforeSku}) backwards from it: the same index range, reversed. */
    static Statement pageStatement(
            String tenantId, String cartId, SyncFilter filter, String afterSku, String beforeSku, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        Map<String, Object> params = new LinkedHashMap<>(Map.of("tenant", tenantId, "cart", cartId, "limit", limit));
        if (afterSku != null) {
            sql.append(" AND sku > :after COLLATE \"C\"");
            params.put("after", afterSku);
        }
        if (beforeSku != null) {
            sql.append(" AND sku < :before COLLATE \"C\"");
            params.put("before", beforeSku);
        }
        if (filter.never() != null) {
            // The flag, not the date: the partial indexes read it (V12).
            sql.append(filter.never() ? " AND never_synced" : " AND NOT never_synced");
        }
        if (filter.reason() != null) {
            sql.append(" AND reason = :reason");
            params.put("reason", filter.reason().name());
        }
        if (filter.outcome() != null) {
            sql.append(" AND outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.skuPrefix() != null && !filter.skuPrefix().isEmpty()) {
            // A range, not LIKE: exact for '%' and '_', and an index range scan that stops at the prefix's end.
            sql.append(" AND sku >= :prefix COLLATE \"C\"");
            params.put("prefix", filter.skuPrefix());
            String end = SyncFilter.prefixEnd(filter.skuPrefix());
            if (end != null) {
                sql.append(" AND sku < :prefixEnd COLLATE \"C\"");
                params.put("prefixEnd", end);
            }
        }
        sql.append(beforeSku == null ? " ORDER BY sku LIMIT :limit" : " ORDER BY sku DESC LIMIT :limit");
        return new Statement(sql.toString(), params);
    }

    public Optional<ProductSyncItem> find(String tenantId, String cartId, String sku) {
        return reads
                .query(
                        tenantId,
                        COLUMNS + " AND sku = :sku",
                        Map.of("tenant", tenantId, "cart", cartId, "sku", sku),
                        ProductSyncQueries::item)
                .stream()
                .findFirst();
    }

    /** The rows of these SKUs that exist, in one query (the live page's refresh of what a batch changed). */
    public List<ProductSyncItem> findAll(String tenantId, String cartId, Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        // a collection parameter expands to one placeholder per SKU: IN (?, ?, ...)
        return reads.query(
                tenantId,
                COLUMNS + " AND sku IN (:skus)",
                Map.of("tenant", tenantId, "cart", cartId, "skus", List.copyOf(skus)),
                ProductSyncQueries::item);
    }

    /**
     * The rows of each range whose sync date is {@code since} or later, at most {@code perRange} a range, in one query
     * (the live pages' refresh after a cycle verdict moved the dates of rows it cannot name one by one).
     */
    public List<ProductSyncItem> syncedSince(
            String tenantId, String cartId, Collection<SkuRange> ranges, Instant since, int perRange) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>(
                Map.of("tenant", tenantId, "cart", cartId, "since", since.atOffset(ZoneOffset.UTC), "limit", perRange));
        List<String> parts = new ArrayList<>();
        for (SkuRange range : Set.copyOf(ranges)) {
            StringBuilder part = new StringBuilder("(").append(COLUMNS).append(" AND last_cart_sync_date >= :since");
            int i = parts.size();
            if (range.first() != null) {
                part.append(" AND sku >= :first").append(i).append(" COLLATE \"C\"");
                params.put("first" + i, range.first());
            }
            if (range.last() != null) {
                part.append(" AND sku <= :last").append(i).append(" COLLATE \"C\"");
                params.put("last" + i, range.last());
            }
            parts.add(part.append(" ORDER BY sku LIMIT :limit)").toString());
        }
        Map<String, ProductSyncItem> bySku = new LinkedHashMap<>();
        reads.query(tenantId, String.join(" UNION ALL ", parts), params, ProductSyncQueries::item)
                .forEach(item -> bySku.put(item.sku(), item));
        return List.copyOf(bySku.values());
    }

    /** One statement, so the total, the never counts and the last cycle come from one snapshot. */
    public SyncSummary summary(String tenantId, String cartId) {
        Map<String, Long> neverByReason = new LinkedHashMap<>();
        for (SyncReason reason : SyncReason.values()) {
            neverByReason.put(reason.name(), 0L);
        }
        long[] total = {0};
        long[] failed = {0};
        LastCycle[] lastCycle = {null};
        reads.query(tenantId, SUMMARY, Map.of("tenant", tenantId, "cart", cartId), (rs, row) -> {
            long n = rs.getLong("n");
            total[0] += n;
            if (rs.getBoolean("failed")) {
                failed[0] += n;
            }
            String reason = rs.getString("reason");
            if (rs.getBoolean("never") && reason != null && !reason.isEmpty()) {
                neverByReason.merge(reason, n, Long::sum);
            }
            if (rs.getObject("cycle_at") != null) {
                lastCycle[0] = new LastCycle(instant(rs, "cycle_at"), instant(rs, "completed_at"));
            }
            return null;
        });
        long never = neverByReason.values().stream().mapToLong(Long::longValue).sum();
        return new SyncSummary(total[0], total[0] - never, never, neverByReason, failed[0], lastCycle[0]);
    }

    private static ProductSyncItem item(ResultSet rs, int row) throws SQLException {
        return new ProductSyncItem(
                rs.getString("sku"),
                rs.getBoolean("inventory_enabled"),
                instant(rs, "last_cart_sync_date"),
                SyncOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason") == null ? null : SyncReason.valueOf(rs.getString("reason")),
                rs.getString("detail"),
                rs.getString("matched_wms_sku"),
                rs.getString("matched_via") == null ? null : MatchedVia.valueOf(rs.getString("matched_via")),
                rs.getObject("cart_quantity", Long.class),
                rs.getObject("wms_quantity", Long.class),
                rs.getObject("pushed_quantity", Long.class),
                instant(rs, "evaluated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
