package io.productsync.poller.snapshot;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scheduler keeps per polled source: whether a snapshot runs, when the last started and at what interval,
 * the keys published and not tombstoned since ({@code liveKeys}) with the fingerprint of what was last published for
 * each, and the hold on its removals, if any. Live keys and hold are read from their files when the first snapshot after start needs them and saved whenever a snapshot changed
 * them, so a restart forgets nothing. Only the one running snapshot touches them.
 */
final class SourceState {

    private final SourceId source;
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
    private KeyFingerprints live;

    private Hold hold;
    /** The live keys or fingerprints differ from what their file holds. */
    private boolean unsaved;

    SourceState(SourceId source, LiveKeyFiles files, HoldFiles holdFiles, UnsavedPublications unsavedPublications) {
        this.source = source;
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

    private KeyFingerprints live() {
        if (live == null) {
            Optional<KeyFingerprints> saved = files.load(source);
            live = saved.orElseGet(() -> new KeyFingerprints(source));
            // An unreadable file, or one whose fingerprints are not trusted, is replaced by the next save.
            unsaved = saved.isEmpty() || Files.exists(files.unsavedMarker(source));
            hold = holdFiles.hold(source).orElse(null);
        }
        return live;
    }

    /**
     * Called as a snapshot starts: keys published outside snapshots since the last one lose their fingerprint, so this
     * snapshot publishes them again whatever it reads.
     */
    void forgetPublishedOutside() {
        KeyFingerprints keys = live();
        for (String key : unsavedPublications.takePublishedOutside(source)) {
            if (keys.fingerprint(key).isPresent()) {
                keys.putUnknown(key);
                unsaved = true;
            }
        }
    }

    /** This snapshot is about to publish its first change: the keys file is behind until it is saved. */
    void publishingChanges() {
        unsavedPublications.publishing(source);
    }

    /** Whether {@code fingerprint} is what was last published for the key (never for an unknown one). */
    boolean published(String key, long fingerprint) {
        OptionalLong last = live().fingerprint(key);
        return last.isPresent() && last.getAsLong() == fingerprint;
    }

    /** The hold on this source's removals, or null. */
    Hold hold() {
        live();
        return hold;
    }

    /** Nothing live, in memory or on disk: a source that is gone can be forgotten. */
    boolean nothingLive() {
        return live().isEmpty() && !unsaved;
    }

    /**
     * A complete snapshot, its removals applied, replaces the live keys and ends any hold; an incomplete one only adds.
     * {@code seen}: each key the snapshot listed, with the fingerprint it published for it, or unknown where it published
     * nothing (unchanged or unreadable). {@code acknowledged}: its sends were acknowledged, so those fingerprints are
     * what downstream holds; otherwise they are not taken (the old ones make the next snapshot publish again).
     */
    void finish(boolean completed, KeyFingerprints seen, boolean acknowledged) {
        KeyFingerprints keys = live();
        if (completed) {
            unsaved |= keys.retainAll(seen);
            if (hold != null) {
                hold = null;
                holdFiles.save(source, null);
            }
        }
        unsaved |= merge(seen, acknowledged);
        save();
        (completed ? complete : incomplete).incrementAndGet();
        running.set(false);
    }

    /** A complete snapshot whose removals are held: what it listed is added, nothing is removed. */
    void finishHeld(KeyFingerprints seen, Hold newHold) {
        unsaved |= merge(seen, true);
        hold = newHold;
        holdFiles.save(source, newHold);
        save();
        held.incrementAndGet();
        running.set(false);
    }

    /** New keys come in; a fingerprint the snapshot published replaces the old one only once acknowledged. */
    private boolean merge(KeyFingerprints seen, boolean acknowledged) {
        KeyFingerprints keys = live();
        boolean changed = false;
        KeyFingerprints.Cursor entry = seen.cursor();
        while (entry.next()) {
            changed |= acknowledged && entry.known()
                    ? keys.put(entry.key(), entry.fingerprint())
                    : keys.putUnknownIfAbsent(entry.key());
        }
        return changed;
    }

    private void save() {
        if (!unsaved) {
            unsavedPublications.saved(source);
        } else if (files.save(source, live)) {
            unsaved = false;
            unsavedPublications.saved(source);
        }
    }

    SnapshotCounts counts() {
        return new SnapshotCounts(complete.get(), incomplete.get(), held.get());
    }

    /** Snapshots finished since start: applied in full, incomplete, and complete but with their removals held. */
    record SnapshotCounts(long complete, long incomplete, long held) {}
}
