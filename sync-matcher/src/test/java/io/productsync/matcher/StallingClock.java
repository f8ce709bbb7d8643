package io.productsync.matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system clock, except that one call, the nth, blocks until the test releases it: the matcher asks the clock once
 * per evaluation, so this stalls a stream thread in the middle of its open transaction, as CPU starvation would.
 */
final class StallingClock extends Clock {

    private final Clock time = Clock.systemUTC();
    private final int stallAt;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    StallingClock(int stallAt) {
        this.stallAt = stallAt;
    }

    @Override
    public Instant instant() {
        if (calls.incrementAndGet() == stallAt) {
            stalled.countDown();
            try {
                // Bounded, so a test that fails before releasing cannot hang the JVM.
                released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return time.instant();
    }

    boolean hasStalled() {
        return stalled.getCount() == 0;
    }

    void release() {
        released.countDown();
    }

    @Override
    public ZoneId getZone() {
        return time.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return time.withZone(zone);
    }
}
