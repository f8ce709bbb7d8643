package io.productsync.deploy;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The benchmark's waits. It measures, so it polls on its own clock rather than through Awaitility's assertions: a
 * timeout is a figure to print, not a test failure.
 */
final class Pause {

    private Pause() {}

    static void briefly(long millis) {
        LockSupport.parkNanos(millis * 1_000_000);
    }

    /**
     * Asks {@code differences} until it answers null or {@code atMost} has passed; returns its last answer (null:
     * none left).
     */
    static String until(Duration atMost, Supplier<String> differences) {
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = differences.get();
        while (last != null && System.nanoTime() < deadline) {
            briefly(2_000);
            last = differences.get();
        }
        return last;
    }
}
