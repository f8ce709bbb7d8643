package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.ThrottledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (surefire runs {@code *Test} classes only); run it with
 * {@code ./mvnw -q -B -pl inventory-poller verify -Dtest=ShopifyPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code inventory-poller/target/shopify-push-benchmark.txt}. Pushes a new quantity to each of 10,000 SKUs of
 * the fake, at Shopify Standard figures (2000 points, 100 restored a second), through the real connector: in its batch
 * size ({@code setQuantities}, 250 a mutation), and as a baseline one per call ({@code setQuantity}). Prints pushes,
 * mutations, points, the time the budget made it wait next to the least time that budget allows, and wall time. Waits
 * pass on a movable clock, so "waited" is simulated time and "wall" the time the run took here (the fake included);
 * nothing here asserts a time, but every push must have landed in the fake.
 */
class ShopifyPushBenchmark {

    private static final int PUSHES = 10_000;
    private static final double BUCKET = 2000;
    private static final double RESTORE_RATE = 100;

    @Test
    void pushes10000QuantitiesInBatchesAndOneByOne() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "Shopify push of %,d quantities; fake bucket %.0f points, %.0f restored a second; waits on a movable"
                        + " clock",
                PUSHES, BUCKET, RESTORE_RATE));
        lines.add(String.format(
                "%-10s %7s %10s %8s %15s %15s %10s",
                "path", "pushes", "mutations", "points", "waited (sim.)", "budget minimum", "wall"));
        lines.add(run(true));
        lines.add(run(false));
        lines.add("each run starts after a full read of the store (not counted) and a full bucket; the fake charges"
                + " 10 points a mutation, whatever its size");
        // java.io.tmpdir is the build directory (see the surefire argLine)
        Path report = Path.of(System.getProperty("java.io.tmpdir"), "shopify-push-benchmark.txt");
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    /** @param batched {@code setQuantities} in the connector's batch size, else {@code setQuantity} one push a call */
    private static String run(boolean batched) {
        MovableClock clock = new MovableClock();
        try (ShopifyFake fake = new ShopifyFake(BUCKET, RESTORE_RATE, clock)) {
            List<FakeShop.Variant> variants = new ArrayList<>();
            List<QuantityChange> pushes = new ArrayList<>();
            for (int i = 0; i < PUSHES; i++) {
                long before = i % 100;
                variants.add(fake.shop().add("SKU-" + i, before));
                pushes.add(new QuantityChange("SKU-" + i, before, target(i), UUID.randomUUID()));
            }
            ShopifyCartConnector cart =
                    new ShopifyCartConnector(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), clock);
            // the poller pushes to a cart it has read: the connector knows every SKU's inventory item
            assertThat(Listing.readAll(cart, clock).items()).hasSize(PUSHES);
            clock.advance(Duration.ofMillis((long) (BUCKET / RESTORE_RATE * 1000)));
            int requestsBefore = fake.requestsServed();
            double pointsBefore = fake.pointsSpent();

            long started = System.nanoTime();
            List<Duration> waits = new ArrayList<>();
            List<QuantityChangeResult> results = new ArrayList<>();
            int perCall = batched ? cart.maxBatchSize() : 1;
            for (int from = 0; from < PUSHES; from += perCall) {
                List<QuantityChange> call = pushes.subList(from, Math.min(PUSHES, from + perCall));
                results.addAll(untilPaidFor(
                        () -> batched ? cart.setQuantities(call) : List.of(cart.setQuantity(call.get(0))),
                        clock,
                        waits));
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            int mutations = fake.requestsServed() - requestsBefore;
            double points = fake.pointsSpent() - pointsBefore;
            assertThat(results).hasSize(PUSHES).containsOnly(QuantityChangeResult.applied());
            for (int i = 0; i < PUSHES; i++) {
                assertThat(fake.shop().available(variants.get(i)))
                        .as("SKU-" + i)
                        .isEqualTo(target(i));
            }
            assertThat(fake.shop().mutationsApplied()).isEqualTo(mutations);
            assertThat(fake.throttledRequests()).isZero();
            assertThat(fake.validationErrors()).isEmpty();
            double waited = waits.stream().mapToLong(Duration::toMillis).sum() / 1000.0;
            double minimum = Math.max(0, points - BUCKET) / RESTORE_RATE;
            return String.format(
                    "%-10s %7d %10d %8.0f %13.1f s %13.1f s %8.1f s",
                    batched ? "batched" : "one-by-one",
                    results.size(),
                    mutations,
                    points,
                    waited,
                    minimum,
                    wall.toMillis() / 1000.0);
        }
    }

    /**
     * One call; one the budget cannot pay for yet is made again after its wait, which moves the clock (as the poller's
     * applier retries a throttled batch, with the same pushIds).
     */
    private static List<QuantityChangeResult> untilPaidFor(
            Supplier<List<QuantityChangeResult>> call, MovableClock clock, List<Duration> waits) {
        while (true) {
            try {
                return call.get();
            } catch (ThrottledException e) {
                waits.add(e.retryAfter());
                clock.advance(e.retryAfter());
            }
        }
    }

    private static long target(int i) {
        return i % 100 + 1 + i % 7;
    }
}
