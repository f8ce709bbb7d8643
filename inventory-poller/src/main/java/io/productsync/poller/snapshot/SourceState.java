package io.productsync.poller.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the scheduler keeps per polled source: whether a snapshot runs, when the last started and at what interval,
 * the keys published and not tombstoned since ({@code liveKeys}) with the fingerprint of what was last published for
 * each, and the hold on its removals, if any. The live keys are in the {@link LiveKeyStore}, the hold in its file;
 * both are read when the first snapshot after start needs them and written when a snapshot finishes, so a restart
 * forgets nothing. Only the one running snapshot touches them.
 */
final class SourceState {

    private static final Logger log = LoggerFactory.getLogger(SourceState.class);

    private final SourceId source;
    private final LiveKeyStore store;
    private final LiveKeyFiles files;
    private final HoldFiles holdFiles;
    private final UnsavedPublications unsavedPublications;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong complete = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private volatile Instant lastStart = Instant.MIN;
    private volatile Duration interval;
    /** Each live key and the fingerprint of what was last published for it; unknown: publish it again. */
    private LiveKeyStore.SourceKeys live;

    private Hold hold;

    SourceState(
            SourceId source,
            LiveKeyStore store,
            LiveKeyFiles files,
            HoldFiles holdFiles,
            UnsavedPublications unsavedPublications) {
        this.source = source;
        this.store = store;
        this.files = files;
        this.holdFiles = holdFiles;
        this.unsavedPublications = unsavedPublications;
    }

    /**
     * Claims the next snapshot if it is due and none runs. Due is counted from the last start with the interval of
     * now, so a connection whose interval was shortened (a sandbox settings file) does not wait out the old one.
     */
    boolean tryStart(Instant now, Duration interval) {
        if (now.isBefore(lastStart.plus(interval)) || !running.compareAndSet(false, true)) {
            return false;
        }
        lastStart = now;
        this.interval = interval;
        return true;
    }

    /** The interval of the last start, for a source that is no longer connected; null before the first start. */
    Duration lastInterval() {
        return interval;
    }

    /** Claims a source whatever its interval, once no snapshot runs. */
    boolean tryClaim() {
        return running.compareAndSet(false, true);
    }

    Set<String> liveKeys() {
        return live().keys();
    }

    /** The live keys {@code listed} does not hold, in String order (a hold digests them so): one pass over them. */
    List<String> missingFrom(Set<String> listed) {
        List<String> missing = new ArrayList<>();
        for (String key : liveKeys()) {
            if (!listed.contains(key)) {
                missing.add(key);
            }
        }
        missing.sort(null);
        return missing;
    }

    private LiveKeyStore.SourceKeys live() {
        if (live == null) {
            LiveKeyStore.SourceKeys keys = store.of(source);
            if (Files.exists(files.file(source))) {
                takeOverKeysFile(keys);
            } else if (Files.exists(files.unsavedMarker(source))) {
                // Something was published that the store may not hold: no fingerprint is trusted.
                keys.forgetAll();
            }
            hold = holdFiles.hold(source).orElse(null);
            live = keys;
        }
        return live;
    }

    /**
     * The keys file of a version that kept the live keys in files is taken into the store once, then deleted. An
     * unreadable one leaves no key live, as it did before.
     */
    private void takeOverKeysFile(LiveKeyStore.SourceKeys keys) {
        // Emptied first: a key the file holds without a fingerprint must lose the one the store may have.
        keys.update(true, new KeyFingerprints(source), true);
        files.load(source).ifPresent(saved -> keys.update(true, saved, true));
        try {
            Files.delete(files.file(source));
        } catch (IOException e) {
            log.warn(
                    "{}: could not delete {}, taken into the live key store: {}",
                    source,
                    files.file(source),
                    e.toString());
        }
    }

    /**
     * Called as a snapshot starts: keys published outside snapshots since the last one lose their fingerprint, so this
     * snapshot publishes them again whatever it reads.
     */
    void forgetPublishedOutside() {
        LiveKeyStore.SourceKeys keys = live();
        for (String key : unsavedPublications.takePublishedOutside(source)) {
            keys.forget(key);
        }
    }

    /** This snapshot is about to publish its first change: the keys file is behind until it is saved. */
    void publishingChanges() {
        unsavedPublications.publishing(source);
    }

    /** The fingerprint of what was last published for each key, in their order; empty where none is known. */
    List<OptionalLong> lastPublished(List<String> keys) {
        return live().fingerprints(keys);
    }

    /** The hold on this source's removals, or null. */
    Hold hold() {
        live();
        return hold;
    }

    /** Nothing live: a source that is gone can be forgotten. */
    boolean nothingLive() {
        return live().isEmpty();
    }

    /**
     * A complete snapshot, its removals applied, replaces the live keys and ends any hold; an incomplete one only adds.
     * {@code seen}: each key the snapshot listed, with the fingerprint it published for it, or unknown where it published
     * nothing (unchanged or unreadable). {@code acknowledged}: its sends were acknowledged, so those fingerprints are
     * what downstream holds; otherwise they are not taken (the old ones make the next snapshot publish again).
     */
    void finish(boolean completed, KeyFingerprints seen, boolean acknowledged) {
        try {
            if (completed && hold() != null) {
                hold = null;
                holdFiles.save(source, null);
            }
            save(completed, seen, acknowledged);
        } finally {
            (completed ? complete : incomplete).incrementAndGet();
            running.set(false);
        }
    }

    /** A complete snapshot whose removals are held: what it listed is added, nothing is removed. */
    void finishHeld(KeyFingerprints seen, Hold newHold) {
        try {
            hold = newHold;
            holdFiles.save(source, newHold);
            save(false, seen, true);
        } finally {
            held.incrementAndGet();
            running.set(false);
        }
    }

    /**
     * Writes what the snapshot leaves into the store. The unsaved marker goes only once that is done: a write that
     * failed (a full disk, a store closed by shutdown) leaves it, so the next start trusts no fingerprint of this source.
     */
    private void save(boolean completed, KeyFingerprints seen, boolean acknowledged) {
        try {
            live().update(completed, seen, acknowledged);
            unsavedPublications.saved(source);
        } catch (RuntimeException e) {
            log.warn("{}: could not save its live keys, the next snapshot tries again: {}", source, e.toString());
        }
    }

    SnapshotCounts counts() {
        return new SnapshotCounts(complete.get(), incomplete.get(), held.get());
    }

    /** Snapshots finished since start: applied in full, incomplete, and complete but with their removals held. */
    record SnapshotCounts(long complete, long incomplete, long held) {}
}
