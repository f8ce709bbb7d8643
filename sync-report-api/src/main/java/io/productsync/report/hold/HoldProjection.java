package io.productsync.report.hold;

import io.productsync.events.SnapshotHeld;
import io.productsync.events.SourceKey;
import io.productsync.events.Topics;
import io.productsync.report.system.Ingest;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.LatestValueProjection;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The snapshot_holds table mirrors the compacted inventory-snapshot-holds topic; a tombstone ends the hold. */
@Configuration(proxyBeanMethods = false)
class HoldProjection {

    static final KeyedTopic<SourceKey, SnapshotHeld> TOPIC = new KeyedTopic<>(
            Topics.INVENTORY_SNAPSHOT_HOLDS,
            SourceKey::parse,
            held -> held.key().value());

    static final LatestValueProjection.Table<SourceKey, SnapshotHeld> TABLE = new LatestValueProjection.Table<>(
            "DELETE FROM snapshot_holds WHERE tenant_id = ? AND source_kind = ? AND source_id = ?",
            (ps, key) -> {
                ps.setString(1, key.tenantId());
                ps.setString(2, key.kind().name());
                ps.setString(3, key.sourceId());
            },
            """
            INSERT INTO snapshot_holds (tenant_id, source_kind, source_id, reason, live_skus, missing_skus,
                held_cycles, release_after_cycles, held_since, observed_at, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, source_kind, source_id) DO UPDATE SET reason = excluded.reason,
                live_skus = excluded.live_skus, missing_skus = excluded.missing_skus,
                held_cycles = excluded.held_cycles, release_after_cycles = excluded.release_after_cycles,
                held_since = excluded.held_since, observed_at = excluded.observed_at, event_id = excluded.event_id
            """,
            (ps, h) -> {
                ps.setString(1, h.tenantId());
                ps.setString(2, h.sourceKind().name());
                ps.setString(3, h.sourceId());
                ps.setString(4, h.reason().name());
                ps.setLong(5, h.liveSkus());
                ps.setLong(6, h.missingSkus());
                ps.setInt(7, h.heldCycles());
                ps.setInt(8, h.releaseAfterCycles());
                ps.setObject(9, h.heldSince().atOffset(ZoneOffset.UTC));
                ps.setObject(10, h.observedAt().atOffset(ZoneOffset.UTC));
                ps.setObject(11, h.eventId());
            });

    @Bean
    static LatestValueProjection<SourceKey, SnapshotHeld> holdsProjection(
            @Ingest JdbcTemplate jdbc, @Ingest TransactionTemplate transaction) {
        return new LatestValueProjection<>(TOPIC, TABLE, jdbc, transaction);
    }
}
