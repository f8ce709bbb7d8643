package io.productsync.report.syncstatus;

import java.util.Map;

/** The list's own SQL and parameters, for a benchmark in another package that times it bare. */
public final class ListStatements {

    public record Sql(String sql, Map<String, Object> params) {}

    private ListStatements() {}

    /** The keyset page statement, {@code limit} rows at most, as {@link ProductSyncQueries#page} runs it. */
    public static Sql page(String tenantId, String cartId, SyncFilter filter, String afterSku, int limit) {
        ProductSyncQueries.Statement statement =
                ProductSyncQueries.pageStatement(tenantId, cartId, filter, afterSku, limit);
        return new Sql(statement.sql(), statement.params());
    }

    public static Sql summary(String tenantId, String cartId) {
        return new Sql(ProductSyncQueries.SUMMARY, Map.of("tenant", tenantId, "cart", cartId));
    }
}
