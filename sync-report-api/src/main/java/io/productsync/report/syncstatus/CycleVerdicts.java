package io.productsync.report.syncstatus;

import io.productsync.events.CartCycleVerified;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies a cycle verdict inside the writer's transaction: one set-based UPDATE moves the Last Cart Sync Date of the
 * cart's rows of the verdict's partition whose latest result is synced, never backwards and never for a SKU with a
 * push in flight; and the cart's latest cycle is kept for the carts page.
 */
final class CycleVerdicts {

    private static final String MOVE = """
            UPDATE product_sync SET last_cart_sync_date = ?
            WHERE tenant_id = ? AND cart_id = ? AND source_partition = ? AND outcome IN ('VERIFIED', 'UPDATED')
              AND last_cart_sync_date < ? AND NOT (sku = ANY (?))
            """;

    // Six partitions answer one cycle with the same times; a replayed or older verdict changes nothing.
    private static final String LATEST = """
            INSERT INTO cart_cycles AS c (tenant_id, cart_id, cycle_at, completed_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant_id, cart_id) DO UPDATE
            SET cycle_at = excluded.cycle_at, completed_at = excluded.completed_at
            WHERE (excluded.cycle_at, excluded.completed_at) > (c.cycle_at, c.completed_at)
            """;

    private final JdbcTemplate jdbc;

    CycleVerdicts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(CartCycleVerified verdict) {
        OffsetDateTime cycleAt = verdict.cycleAt().atOffset(ZoneOffset.UTC);
        jdbc.update(connection -> {
            var move = connection.prepareStatement(MOVE);
            move.setObject(1, cycleAt, Types.TIMESTAMP_WITH_TIMEZONE);
            move.setString(2, verdict.tenantId());
            move.setString(3, verdict.cartId());
            move.setInt(4, verdict.partition());
            move.setObject(5, cycleAt, Types.TIMESTAMP_WITH_TIMEZONE);
            move.setArray(
                    6, connection.createArrayOf("text", verdict.unverifiedSkus().toArray()));
            return move;
        });
        jdbc.update(
                LATEST,
                verdict.tenantId(),
                verdict.cartId(),
                cycleAt,
                verdict.completedAt().atOffset(ZoneOffset.UTC));
    }
}
