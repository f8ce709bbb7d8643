package io.productsync.deploy;

import io.productsync.events.SkuSyncEvaluated;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * B2's baseline: the same results written to the same table the fastest plain way, in transactions of
 * {@value #BATCH} rows: COPY into a temporary staging table, then one INSERT ... ON CONFLICT that keeps the newer
 * evaluation (the listener's guard).
 */
final class CopyMerge {

    static final int BATCH = 10_000;

    private static final String COLUMNS = "tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail,"
            + " matched_wms_sku, matched_via, cart_quantity, wms_quantity, pushed_quantity, last_cart_sync_date,"
            + " evaluated_at, event_id";
    private static final String MERGE = "INSERT INTO product_sync AS t (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM bench_staging ON CONFLICT (tenant_id, cart_id, sku) DO UPDATE SET "
            + Stream.of(COLUMNS.split(","))
                    .map(String::trim)
                    .skip(3)
                    .map(column -> column + " = excluded." + column)
                    .collect(Collectors.joining(", "))
            + " WHERE excluded.evaluated_at > t.evaluated_at";

    private final Connection connection;

    CopyMerge(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS bench_staging"
                    + " (LIKE product_sync INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        }
        connection.commit();
    }

    void write(List<SkuSyncEvaluated> results) throws Exception {
        for (int from = 0; from < results.size(); from += BATCH) {
            List<SkuSyncEvaluated> batch = results.subList(from, Math.min(results.size(), from + BATCH));
            StringBuilder csv = new StringBuilder(batch.size() * 160);
            batch.forEach(result -> csv.append(line(result)));
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY bench_staging (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                            new StringReader(csv.toString()));
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(MERGE);
            }
            connection.commit();
        }
    }

    private static String line(SkuSyncEvaluated r) {
        return Stream.of(
                                r.tenantId(),
                                r.cartId(),
                                r.sku(),
                                r.inventoryEnabled(),
                                r.outcome(),
                                r.reason(),
                                r.detail(),
                                r.matchedWmsSku(),
                                r.matchedVia(),
                                r.cartQuantity(),
                                r.wmsQuantity(),
                                r.pushedQuantity(),
                                r.syncedAt(),
                                r.evaluatedAt(),
                                r.eventId())
                        .map(CopyMerge::field)
                        .collect(Collectors.joining(","))
                + "\n";
    }

    /** CSV: an empty unquoted field is NULL; anything else quoted, quotes doubled. */
    private static String field(Object value) {
        return value == null ? "" : "\"" + value.toString().replace("\"", "\"\"") + "\"";
    }
}
