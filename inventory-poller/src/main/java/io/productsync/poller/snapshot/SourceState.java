package io.productsync.poller.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scheduler keeps per polled source: whether a snapshot runs, when the last started and at what interval,
 * the keys published and not tombstoned since ({@code liveKeys}), and the hold on its removals, if any. Live keys and
 * hold are read from their files when the first snapshot after start needs them and saved whenever a snapshot changed
 * them, so a restart forgets nothing. Only the one running snapshot touches them.
 */
final class SourceState {

    private final SourceId source;
    private final LiveKeyFiles files;
    private final HoldFiles holdFiles;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong complete = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private volatile Instant lastStart = Instant.MIN;
    private volatile Duration interval;
    private Set<String> liveKeys;
    private Hold hold;
    /** The live keys differ from what their file holds. */
    private boolean unsaved;

    SourceState(SourceId source, LiveKeyFiles files, HoldFiles holdFiles) {
        this.source = source;
        this.files = files;
        this.holdFiles = holdFiles;
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
        if (liveKeys == null) {
            Optional<Set<String>> saved = files.load(source);
            liveKeys = saved.orElseGet(HashSet::new);
            // An unreadable file is replaced by the next save.
            unsaved = saved.isEmpty();
            hold = holdFiles.hold(source).orElse(null);
        }
        return liveKeys;
    }

    /** The hold on this source's removals, or null. */
    Hold hold() {
        liveKeys();
        return hold;
    }

    /** Nothing live, in memory or on disk: a source that is gone can be forgotten. */
    boolean nothingLive() {
        return liveKeys().isEmpty() && !unsaved;
    }

    /** A complete snapshot, its removals applied, replaces the live keys and ends any hold; an incomplete one only adds. */
    void finish(boolean completed, Set<String> seen) {
        Set<String> live = liveKeys();
        if (completed) {
            unsaved |= !seen.equals(live);
            liveKeys = seen;
            if (hold != null) {
                hold = null;
                holdFiles.save(source, null);
            }
        } else {
            unsaved |= live.addAll(seen);
        }
        save();
        (completed ? complete : incomplete).incrementAndGet();
        running.set(false);
    }

    /** A complete snapshot whose removals are held: what it listed is added, nothing is removed. */
    void finishHeld(Set<String> seen, Hold newHold) {
        unsaved |= liveKeys().addAll(seen);
        hold = newHold;
        holdFiles.save(source, newHold);
        save();
        held.incrementAndGet();
        running.set(false);
    }

    private void save() {
        if (unsaved && files.save(source, liveKeys)) {
            unsaved = false;
        }
    }

    SnapshotCounts counts() {
        return new SnapshotCounts(complete.get(), incomplete.get(), held.get());
    }

    /** Snapshots finished since start: applied in full, incomplete, and complete but with their removals held. */
    record SnapshotCounts(long complete, long incomplete, long held) {}
}
