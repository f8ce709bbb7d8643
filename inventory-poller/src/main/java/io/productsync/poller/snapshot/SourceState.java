package io.productsync.poller.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scheduler keeps per polled source: whether a snapshot runs, when the last started, and the keys published
 * and not tombstoned since ({@code liveKeys}). The live keys are read from their file when the first snapshot after
 * start needs them and saved whenever a snapshot changed them, so a restart forgets nothing. Only the one running
 * snapshot touches them.
 */
final class SourceState {

    private final SourceId source;
    private final LiveKeyFiles files;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong complete = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private volatile Instant lastStart = Instant.MIN;
    private Set<String> liveKeys;
    /** The live keys differ from what their file holds. */
    private boolean unsaved;

    SourceState(SourceId source, LiveKeyFiles files) {
        this.source = source;
        this.files = files;
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
        return true;
    }

    /** Claims a source that is no longer connected, whatever its interval, once no snapshot runs. */
    boolean tryClaim() {
        return running.compareAndSet(false, true);
    }

    Set<String> liveKeys() {
        if (liveKeys == null) {
            Optional<Set<String>> saved = files.load(source);
            liveKeys = saved.orElseGet(HashSet::new);
            // An unreadable file is replaced by the next save.
            unsaved = saved.isEmpty();
        }
        return liveKeys;
    }

    /** Nothing live, in memory or on disk: a source that is gone can be forgotten. */
    boolean nothingLive() {
        return liveKeys().isEmpty() && !unsaved;
    }

    /** A complete snapshot replaces the live keys; an incomplete one only adds what it published. */
    void finish(boolean completed, Set<String> seen) {
        Set<String> live = liveKeys();
        if (completed) {
            unsaved |= !seen.equals(live);
            liveKeys = seen;
        } else {
            unsaved |= live.addAll(seen);
        }
        if (unsaved && files.save(source, liveKeys)) {
            unsaved = false;
        }
        (completed ? complete : incomplete).incrementAndGet();
        running.set(false);
    }

    SnapshotCounts counts() {
        return new SnapshotCounts(complete.get(), incomplete.get());
    }

    record SnapshotCounts(long complete, long incomplete) {}
}
