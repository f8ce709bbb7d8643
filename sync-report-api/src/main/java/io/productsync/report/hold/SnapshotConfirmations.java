package io.productsync.report.hold;

import io.productsync.events.ConfirmSnapshotRemoval;
import io.productsync.events.SourceKey;
import io.productsync.events.Topics;
import io.productsync.report.system.EventPublisher;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A user's confirmation that a held snapshot is right: published for the poller, which then applies its removals. */
@Component
public class SnapshotConfirmations {

    private final SnapshotHolds holds;
    private final EventPublisher events;
    private final Clock clock;

    SnapshotConfirmations(SnapshotHolds holds, EventPublisher events, Clock clock) {
        this.holds = holds;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Confirms the source's current hold, naming its {@code heldSince} so the poller ignores the confirmation if a
     * different hold has replaced it meanwhile; empty when nothing is held.
     */
    public Optional<ConfirmSnapshotRemoval> confirm(SourceKey source) {
        return holds.find(source).map(hold -> {
            var confirmation = new ConfirmSnapshotRemoval(
                    UUID.randomUUID(),
                    source.tenantId(),
                    source.kind(),
                    source.sourceId(),
                    hold.heldSince(),
                    clock.instant());
            events.publish(Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS, source.value(), confirmation);
            return confirmation;
        });
    }
}
