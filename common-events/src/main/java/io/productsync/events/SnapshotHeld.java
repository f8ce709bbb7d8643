package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A source's complete snapshot would remove so many SKUs that the poller held its removals instead of applying them
 * (a truncated file, an empty vendor page): the SKUs stay, nothing is tombstoned, until the snapshot has repeated
 * {@code releaseAfterCycles} times or a user confirms it ({@link ConfirmSnapshotRemoval}). Topic
 * {@code inventory-snapshot-holds} (compacted, key {@link SourceKey}); a tombstone means nothing is held any more.
 */
public record SnapshotHeld(
        UUID eventId,
        String tenantId,
        SourceKind sourceKind,
        String sourceId,
        HoldReason reason,
        @JsonProperty(required = true) long liveSkus,
        @JsonProperty(required = true) long missingSkus,
        @JsonProperty(required = true) int heldCycles,
        @JsonProperty(required = true) int releaseAfterCycles,
        Instant heldSince,
        Instant observedAt) {

    public SnapshotHeld {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.require(sourceKind, "sourceKind");
        Ids.requireId(sourceId, "sourceId");
        Ids.require(reason, "reason");
        Ids.requireNotNegative(liveSkus, "liveSkus");
        Ids.requireNotNegative(missingSkus, "missingSkus");
        Ids.require(heldSince, "heldSince");
        Ids.require(observedAt, "observedAt");
    }

    public SourceKey key() {
        return new SourceKey(tenantId, sourceKind, sourceId);
    }
}
