package io.productsync.deploy;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the launcher has started (database, broker, services), stopped in reverse order by one shutdown hook: the
 * services finish what they have in flight while the broker and the database still run. The hook is registered
 * before the first start and waits for a start in progress, so Ctrl+C during startup stops what runs instead of
 * leaving a database behind.
 */
final class StartedParts {

    private static final Logger log = LoggerFactory.getLogger(StartedParts.class);
    /** Longer than any start; only a start that never returns makes the stop go ahead without it. */
    private static final Duration START_IN_PROGRESS = Duration.ofMinutes(3);

    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final ReentrantLock starting = new ReentrantLock();
    private volatile boolean stopping;

    /** Stops everything on JVM shutdown (Ctrl+C, SIGTERM, the end of main after a failure). */
    static StartedParts stoppedOnShutdown() {
        StartedParts parts = new StartedParts();
        Runtime.getRuntime().addShutdownHook(new Thread(parts::stop, "product-sync-shutdown"));
        return parts;
    }

    <T extends AutoCloseable> T start(Supplier<T> start) {
        starting.lock();
        try {
            if (stopping) {
                throw new IllegalStateException("stopping, so not starting anything more");
            }
            T part = start.get();
            started.push(part);
            return part;
        } finally {
            starting.unlock();
        }
    }

    void stop() {
        boolean waited = lockForStop();
        try {
            stopping = true;
            boolean any = !started.isEmpty();
            while (!started.isEmpty()) {
                AutoCloseable next = started.pop();
                try {
                    next.close();
                } catch (Exception e) {
                    log.warn("stopping {} failed: {}", next.getClass().getSimpleName(), e.toString());
                }
            }
            if (any) {
                log.info("Product Sync stopped.");
            }
        } finally {
            if (waited) {
                starting.unlock();
            }
        }
    }

    private boolean lockForStop() {
        try {
            return starting.tryLock(START_IN_PROGRESS.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
