package io.productsync.deploy;

import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Reads the View Product Sync table (product_sync) directly: counts and one cart's rows, for timing and checks. */
final class TableRows implements AutoCloseable {

    private final Connection connection;

    TableRows(Connection connection) {
        this.connection = connection;
    }

    /** Rows of the cart matching the SQL condition {@code where} (none: all), its one parameter {@code at} if any. */
    long count(String tenant, String cart, String where, Instant at) {
        String sql = "SELECT count(*) FROM product_sync WHERE tenant_id = ? AND cart_id = ?"
                + (where == null ? "" : " AND " + where);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.setString(2, cart);
            if (at != null) {
                statement.setTimestamp(3, Timestamp.from(at));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String tenant, String cart) {
        return count(tenant, cart, null, null);
    }

    /** The earliest Last Cart Sync Date of the cart's VERIFIED rows. */
    Instant earliestVerifiedSync(String tenant, String cart) {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT min(last_cart_sync_date) FROM product_sync"
                        + " WHERE tenant_id = ? AND cart_id = ? AND outcome = 'VERIFIED'")) {
            statement.setString(1, tenant);
            statement.setString(2, cart);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Timestamp earliest = rows.getTimestamp(1);
                return earliest == null ? null : earliest.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, SyncRow> rows(String tenant, String cart) {
        Map<String, SyncRow> found = new HashMap<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT sku, outcome, reason, cart_quantity, wms_quantity FROM product_sync"
                        + " WHERE tenant_id = ? AND cart_id = ?")) {
            statement.setString(1, tenant);
            statement.setString(2, cart);
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String reason = rows.getString(3);
                    found.put(
                            rows.getString(1),
                            new SyncRow(
                                    rows.getString(1),
                                    SyncOutcome.valueOf(rows.getString(2)),
                                    reason == null ? null : SyncReason.valueOf(reason),
                                    rows.getObject(4, Long.class),
                                    rows.getObject(5, Long.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
