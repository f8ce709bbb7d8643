package io.productsync.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: apply the removals of the snapshot held since {@code heldSince} (a user checked that the SKUs really left).
 * Topic {@code snapshot-removal-confirmations}, key {@link SourceKey}. A confirmation of an older hold is ignored, so
 * a stale click cannot approve a later, different removal.
 */
public record ConfirmSnapshotRemoval(
        UUID eventId, String tenantId, SourceKind sourceKind, String sourceId, Instant heldSince, Instant confirmedAt) {

    public ConfirmSnapshotRemoval {
        Ids.require(eventId, "eventId");
        Ids.requireId(tenantId, "tenantId");
        Ids.require(sourceKind, "sourceKind");
        Ids.requireId(sourceId, "sourceId");
        Ids.require(heldSince, "heldSince");
        Ids.require(confirmedAt, "confirmedAt");
    }

    public SourceKey key() {
        return new SourceKey(tenantId, sourceKind, sourceId);
    }
}
