package io.productsync.poller.snapshot;

import io.productsync.events.ConfirmSnapshotRemoval;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The last {@link ConfirmSnapshotRemoval} per source, kept (and saved) until the source's next complete snapshot
 * uses it: that snapshot applies its held removal only if the confirmation names the hold's {@code heldSince}, so a
 * stale confirmation never approves a later, different removal.
 */
@Component
final class RemovalConfirmations {

    private static final Logger log = LoggerFactory.getLogger(RemovalConfirmations.class);

    private final HoldFiles files;
    private final Map<SourceId, Optional<Instant>> confirmed = new ConcurrentHashMap<>();

    RemovalConfirmations(HoldFiles files) {
        this.files = files;
    }

    @KafkaListener(
            id = "inventory-poller-removal-confirmations",
            groupId = "inventory-poller",
            topics = "#{T(io.productsync.events.Topics).SNAPSHOT_REMOVAL_CONFIRMATIONS.name()}")
    void onConfirmation(ConsumerRecord<String, ConfirmSnapshotRemoval> record) {
        ConfirmSnapshotRemoval confirmation = record.value();
        if (confirmation == null) {
            return;
        }
        SourceId source = SourceId.of(confirmation.key());
        log.info(
                "{}: removal of the snapshot held since {} confirmed at {}; applied at its next snapshot if still held",
                source,
                confirmation.heldSince(),
                confirmation.confirmedAt());
        files.saveConfirmed(source, confirmation.heldSince());
        confirmed.put(source, Optional.of(confirmation.heldSince()));
    }

    /** The heldSince last confirmed for the source, or null. */
    Instant of(SourceId source) {
        return confirmed.computeIfAbsent(source, files::confirmed).orElse(null);
    }

    /** The hold it named has ended (or another replaced it): forget it. */
    void clear(SourceId source) {
        confirmed.put(source, Optional.empty());
        files.saveConfirmed(source, null);
    }
}
