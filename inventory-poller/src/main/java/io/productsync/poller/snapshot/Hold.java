package io.productsync.poller.snapshot;

import io.productsync.events.HoldReason;
import io.productsync.events.SnapshotHeld;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The removals of a source's snapshots held instead of applied: why, since when, how many snapshots in a row came to
 * the same removal ({@code heldCycles}, 1 for the first), and a digest of the keys that removal would tombstone, so a
 * different removal starts a new hold rather than counting towards the release of this one.
 */
record Hold(
        HoldReason reason,
        Instant heldSince,
        int heldCycles,
        String removal,
        long liveSkus,
        long missingSkus,
        Instant observedAt) {

    /** The same removal again: same reason and the same keys missing. */
    boolean sameRemoval(HoldReason otherReason, String otherRemoval) {
        return reason == otherReason && removal.equals(otherRemoval);
    }

    /** Its eventId derives from the source, the hold and the cycle, so a resent report is the same event. */
    SnapshotHeld event(SourceId source, int releaseAfterCycles) {
        String identity = "snapshot-held/" + source.key().value() + "/" + heldSince + "/" + heldCycles;
        return new SnapshotHeld(
                UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)),
                source.tenantId(),
                source.kind(),
                source.id(),
                reason,
                liveSkus,
                missingSkus,
                heldCycles,
                releaseAfterCycles,
                heldSince,
                observedAt);
    }
}
