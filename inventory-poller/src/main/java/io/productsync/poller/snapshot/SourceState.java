package io.productsync.poller.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scheduler keeps per polled source: whether a snapshot runs, when the next is due, and the keys published
 * and not tombstoned since ({@code liveKeys}, in memory only). Only the one running snapshot touches {@code liveKeys}.
 */
final class SourceState {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong complete = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private volatile Instant nextDue = Instant.MIN;
    private Set<String> liveKeys = new HashSet<>();

    /** Claims the next snapshot if it is due and none runs. */
    boolean tryStart(Instant now, Duration interval) {
        if (now.isBefore(nextDue) || !running.compareAndSet(false, true)) {
            return false;
        }
        nextDue = now.plus(interval);
        return true;
    }

    Set<String> liveKeys() {
        return liveKeys;
    }

    /** A complete snapshot replaces the live keys; an incomplete one only adds what it published. */
    void finish(boolean completed, Set<String> seen) {
        if (completed) {
            liveKeys = seen;
            complete.incrementAndGet();
        } else {
            liveKeys.addAll(seen);
            incomplete.incrementAndGet();
        }
        running.set(false);
    }

    SnapshotCounts counts() {
        return new SnapshotCounts(complete.get(), incomplete.get());
    }

    record SnapshotCounts(long complete, long incomplete) {
    }
}
