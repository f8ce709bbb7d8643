package io.productsync.poller.shopify;

import io.productsync.poller.connector.ThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Our estimate of the store's leaky bucket (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits), kept
 * from the {@code extensions.cost.throttleStatus} of every response, so that a request the bucket cannot pay for is
 * not sent: the caller is told to wait instead. Each operation is expected to cost what it cost the last time.
 */
final class CostBucket {

    private static final double ROUNDING = 1e-6;

    private final Clock clock;
    private final Map<String, Double> lastRequestedCost = new HashMap<>();
    private boolean known;
    private double maximum;
    private double available;
    private double restoreRate;
    private Instant observedAt;

    CostBucket(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes the expected cost of {@code operation} from the bucket, or throws {@link ThrottledException} with the time
     * it needs to refill. Before the first response nothing is known and everything may go.
     */
    synchronized void pay(String operation, double firstEstimate) {
        if (!known) {
            return;
        }
        Instant now = clock.instant();
        double cost = Math.min(lastRequestedCost.getOrDefault(operation, firstEstimate), maximum);
        double projected = availableAt(now);
        if (projected + ROUNDING < cost) {
            throw new ThrottledException(
                    wait(cost - projected, restoreRate),
                    String.format(
                            "shopify %s would cost %.0f points, the bucket holds about %.0f: waiting for it to refill",
                            operation, cost, projected));
        }
        available = projected - cost;
        observedAt = now;
    }

    /** Learns from a response's {@code extensions.cost}; a missing one changes nothing. */
    synchronized void observe(String operation, JsonNode cost) {
        if (cost == null || !cost.isObject()) {
            return;
        }
        JsonNode requested = cost.get("requestedQueryCost");
        if (requested != null && requested.isNumber()) {
            lastRequestedCost.put(operation, requested.asDouble());
        }
        JsonNode status = cost.get("throttleStatus");
        if (status != null && status.isObject() && status.path("restoreRate").asDouble() > 0) {
            maximum = status.path("maximumAvailable").asDouble();
            available = status.path("currentlyAvailable").asDouble();
            restoreRate = status.path("restoreRate").asDouble();
            observedAt = clock.instant();
            known = true;
        }
    }

    /** Shopify's rule for a THROTTLED answer: wait {@code (requested - available) / restoreRate}. */
    static Duration throttledWait(JsonNode cost) {
        double requested = cost.path("requestedQueryCost").asDouble();
        JsonNode status = cost.path("throttleStatus");
        double rate = status.path("restoreRate").asDouble();
        if (rate <= 0) {
            return Duration.ofSeconds(1);
        }
        return wait(requested - status.path("currentlyAvailable").asDouble(), rate);
    }

    private double availableAt(Instant now) {
        double seconds = Duration.between(observedAt, now).toNanos() / 1e9;
        return Math.min(maximum, available + Math.max(0, seconds) * restoreRate);
    }

    private static Duration wait(double missingPoints, double restoreRate) {
        long millis = (long) Math.ceil(Math.max(0, missingPoints) / restoreRate * 1000);
        return Duration.ofMillis(Math.max(1, millis));
    }
}
