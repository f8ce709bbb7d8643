package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.poller.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (surefire runs {@code *Test} classes only); run it with
 * {@code ./mvnw -q -B -pl inventory-poller verify -Dtest=ShopifyReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code inventory-poller/target/shopify-read-benchmark.txt}. Reads a 100,000-variant store of the fake, at
 * Shopify Standard figures (2000 points, 100 restored a second), by pages and in bulk, and prints requests, query
 * points, the time waited and the least time that budget allows. Waits pass on a movable clock (the paged read would
 * otherwise take about 50 minutes), so "waited" is simulated time and "wall" the time the run took here (the fake
 * included); nothing here asserts a time.
 */
class ShopifyReadBenchmark {

    private static final int VARIANTS = 100_000;
    private static final double BUCKET = 2000;
    private static final double RESTORE_RATE = 100;

    @Test
    void readsA100000VariantStoreByPagesAndInBulk() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "Shopify read of %,d variants; fake bucket %.0f points, %.0f restored a second; waits on a movable clock",
                VARIANTS, BUCKET, RESTORE_RATE));
        lines.add(String.format(
                "%-6s %9s %6s %9s %15s %15s %10s",
                "path", "requests", "files", "points", "waited (sim.)", "budget minimum", "wall"));
        lines.add(run("paged", Integer.MAX_VALUE - 1));
        lines.add(run("bulk", ShopifySettings.DEFAULT_BULK_THRESHOLD));
        lines.add("bulk: waited = the connector's polls while the fake answered RUNNING twice (1 s, then 2 s);"
                + " Shopify's own run time is not modelled");
        // java.io.tmpdir is the build directory (see the surefire argLine)
        Path report = Path.of(System.getProperty("java.io.tmpdir"), "shopify-read-benchmark.txt");
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    private static String run(String path, int bulkThreshold) {
        MovableClock clock = new MovableClock();
        try (ShopifyFake fake = new ShopifyFake(BUCKET, RESTORE_RATE, clock)) {
            for (int i = 0; i < VARIANTS; i++) {
                fake.shop().add("SKU-" + i, i % 100);
            }
            ShopifyCartConnector cart = new ShopifyCartConnector(
                    fake.settings().withBulkThreshold(bulkThreshold), new ShopifyCredentials(ShopifyFake.TOKEN), clock);
            long started = System.nanoTime();
            Listing listing = Listing.readAll(cart, clock);
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            assertThat(listing.items()).hasSize(VARIANTS);
            assertThat(fake.throttledRequests()).isZero();
            double waited =
                    listing.waits().stream().mapToLong(Duration::toMillis).sum() / 1000.0;
            double minimum = Math.max(0, fake.pointsSpent() - BUCKET) / RESTORE_RATE;
            return String.format(
                    "%-6s %9d %6d %9.0f %13.1f s %13.1f s %8.1f s",
                    path,
                    fake.requestsServed(),
                    fake.bulk().filesStarted(),
                    fake.pointsSpent(),
                    waited,
                    minimum,
                    wall.toMillis() / 1000.0);
        }
    }
}
