package io.productsync.poller.shopify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shopify's leaky bucket as the fake keeps it: a request is served only if the bucket holds its requested cost. */
final class FakeCostBucket {

    private final double maximum;
    private final double restoreRate;
    private final Clock clock;
    private double available;
    private Instant at;
    private int throttled;
    private double spent;

    FakeCostBucket(double maximum, double restoreRate, Clock clock) {
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.clock = clock;
        this.available = maximum;
        this.at = clock.instant();
    }

    /** Takes {@code cost}, or counts a throttled request and takes nothing. */
    synchronized boolean take(double cost) {
        refill();
        if (available < cost) {
            throttled++;
            return false;
        }
        available -= cost;
        spent += cost;
        return true;
    }

    /** Another app of the same store spent the bucket: the client cannot know. */
    synchronized void drain() {
        refill();
        available = 0;
    }

    synchronized double spent() {
        return spent;
    }

    synchronized int throttled() {
        return throttled;
    }

    synchronized Map<String, Object> status() {
        refill();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("maximumAvailable", maximum);
        status.put("currentlyAvailable", (long) Math.floor(available));
        status.put("restoreRate", restoreRate);
        return status;
    }

    private void refill() {
        Instant now = clock.instant();
        double seconds = Duration.between(at, now).toNanos() / 1e9;
        // kept to a millionth of a point, so that float rounding never throttles a request that waited long enough
        available = Math.min(maximum, Math.round((available + seconds * restoreRate) * 1e6) / 1e6);
        at = now;
    }
}
