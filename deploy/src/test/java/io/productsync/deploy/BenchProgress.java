package io.productsync.deploy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A line every few seconds on the console: the step running, how long it has run, and what it reports. */
final class BenchProgress implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String step = "starting";
    private volatile Supplier<String> status = () -> "";
    private volatile long stepStarted = System.nanoTime();

    BenchProgress() {
        timer.scheduleAtFixedRate(this::print, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From now on the lines name this step and end with what {@code status} says (asked on the timer's thread). */
    void step(String name, Supplier<String> status) {
        this.step = name;
        this.status = status;
        this.stepStarted = System.nanoTime();
        say(name);
    }

    void say(String line) {
        System.out.printf("[bench %s] %s%n", clock(started), line);
    }

    private void print() {
        String detail;
        try {
            detail = status.get();
        } catch (RuntimeException e) {
            detail = "(status unavailable: " + e.getMessage() + ")";
        }
        say(step + " (" + clock(stepStarted) + "): " + detail);
    }

    private static String clock(long since) {
        long seconds = (System.nanoTime() - since) / 1_000_000_000;
        return "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
