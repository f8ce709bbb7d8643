package io.productsync.report.hold;

import io.productsync.events.HoldReason;
import io.productsync.events.SourceKey;
import io.productsync.events.SourceKind;
import io.productsync.report.system.TenantReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads the snapshot_holds table (written only by the inventory-snapshot-holds projection). */
@Component
public class SnapshotHolds {

    private static final String COLUMNS = """
            SELECT source_kind, source_id, reason, live_skus, missing_skus, held_cycles, release_after_cycles,
                   held_since, observed_at
            FROM snapshot_holds h
            """;

    private final TenantReads reads;

    public SnapshotHolds(TenantReads reads) {
        this.reads = reads;
    }

    /** Every hold of the tenant, carts first, by id. */
    public List<SnapshotHoldView> ofTenant(String tenantId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql(COLUMNS + " WHERE tenant_id = :tenant ORDER BY source_kind, source_id")
                        .param("tenant", tenantId)
                        .query(SnapshotHolds::view)
                        .list());
    }

    /** The holds that concern a cart: its own, and its WMS's (the WMS known from the cart's connection). */
    public List<SnapshotHoldView> ofCart(String tenantId, String cartId) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql(COLUMNS + """
                 WHERE h.tenant_id = :tenant AND (
                       (h.source_kind = 'CART' AND h.source_id = :cart)
                    OR (h.source_kind = 'WMS' AND h.source_id IN (
                           SELECT wms_id FROM carts WHERE tenant_id = :tenant AND cart_id = :cart)))
                 ORDER BY source_kind, source_id
                """)
                        .param("tenant", tenantId)
                        .param("cart", cartId)
                        .query(SnapshotHolds::view)
                        .list());
    }

    public Optional<SnapshotHoldView> find(SourceKey source) {
        return reads.read(
                source.tenantId(),
                jdbc -> jdbc.sql(COLUMNS + " WHERE tenant_id = :tenant AND source_kind = :kind AND source_id = :id")
                        .param("tenant", source.tenantId())
                        .param("kind", source.kind().name())
                        .param("id", source.sourceId())
                        .query(SnapshotHolds::view)
                        .optional());
    }

    private static SnapshotHoldView view(ResultSet rs, int row) throws SQLException {
        return new SnapshotHoldView(
                SourceKind.valueOf(rs.getString("source_kind")).token(),
                rs.getString("source_id"),
                HoldReason.valueOf(rs.getString("reason")),
                rs.getLong("live_skus"),
                rs.getLong("missing_skus"),
                rs.getInt("held_cycles"),
                rs.getInt("release_after_cycles"),
                rs.getObject("held_since", OffsetDateTime.class).toInstant(),
                rs.getObject("observed_at", OffsetDateTime.class).toInstant());
    }
}
