package io.productsync.poller.snapshot;

import io.productsync.events.Topics;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The removal guard applied to a source's complete snapshot, and its holds reported: a WARN and a {@code SnapshotHeld}
 * on the compacted {@code inventory-snapshot-holds} for every held snapshot, an INFO and a tombstone there when the
 * hold ends.
 */
@Component
final class RemovalHolds {

    private static final Logger log = LoggerFactory.getLogger(RemovalHolds.class);

    private final RemovalGuard guard;
    private final RemovalConfirmations confirmations;
    private final TopicSender sender;

    RemovalHolds(PollerSettings settings, RemovalConfirmations confirmations, TopicSender sender) {
        PollerSettings.RemovalGuard guardSettings = settings.poller().removalGuard();
        this.guard = new RemovalGuard(guardSettings.maxShare(), guardSettings.releaseAfterCycles());
        this.confirmations = confirmations;
        this.sender = sender;
    }

    /** {@code missing}: the live keys the snapshot did not list, sorted; {@code listedNothing}: it listed no key. */
    RemovalGuard.Verdict judge(
            SourceId source, SourceState state, List<String> missing, boolean listedNothing, Instant at) {
        return guard.judge(state.hold(), state.liveKeys().size(), missing, listedNothing, confirmations.of(source), at);
    }

    CompletableFuture<?> reportHeld(SourceId source, Hold hold, long items) {
        log.warn(
                "{}: snapshot complete, {} items, but it would remove {} of {} SKUs ({}): removals HELD since {}, "
                        + "held {} of {} snapshots; applied if the same removal outlasts them, or when a user confirms",
                source,
                items,
                hold.missingSkus(),
                hold.liveSkus(),
                hold.reason(),
                hold.heldSince(),
                hold.heldCycles(),
                guard.releaseAfterCycles());
        return sender.send(
                Topics.INVENTORY_SNAPSHOT_HOLDS,
                source.key().value(),
                hold.event(source, guard.releaseAfterCycles()),
                hold.observedAt());
    }

    CompletableFuture<?> reportEnded(SourceId source, RemovalGuard.Apply ended, int removed, Instant at) {
        log.info(
                "{}: hold since {} ended ({}), {} removed",
                source,
                ended.ended().heldSince(),
                ended.ending(),
                removed);
        return sender.send(Topics.INVENTORY_SNAPSHOT_HOLDS, source.key().value(), null, at);
    }

    /** The hold has ended for good: a confirmation of it is spent. */
    void ended(SourceId source) {
        confirmations.clear(source);
    }
}
