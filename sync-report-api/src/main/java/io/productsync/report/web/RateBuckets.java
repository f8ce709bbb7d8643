package io.productsync.report.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.productsync.report.system.ReportSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One token bucket per key (Bucket4j, in this instance's memory): {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. Bounded: past {@link #SWEEP_ABOVE} keys, the buckets that are full again are dropped,
 * since a full bucket answers exactly as a new one would; so the map holds at most the keys that sent requests in
 * the last {@code burst / requestsPerSecond} seconds, whatever number of tenant ids a client makes up.
 */
final class RateBuckets {

    static final int SWEEP_ABOVE = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private final ReportSettings.Limits limits;

    RateBuckets(ReportSettings.Limits limits) {
        this.limits = limits;
    }

    Bucket of(RateLimitKey key) {
        if (buckets.size() > SWEEP_ABOVE && sweeping.tryLock()) {
            try {
                buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limits.burst());
            } finally {
                sweeping.unlock();
            }
        }
        return buckets.computeIfAbsent(key.value(), ignored -> newBucket());
    }

    int size() {
        return buckets.size();
    }

    ReportSettings.Limits limits() {
        return limits;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
