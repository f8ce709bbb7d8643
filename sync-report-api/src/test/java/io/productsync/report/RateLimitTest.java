package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.Topics;
import io.productsync.report.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Tenant A floods the API while tenant B reads its table: A is answered 429 with Retry-After, B never. B's latency
 * alone, during the flood, and during the same flood on an instance whose limit A never reaches (the baseline) is
 * printed and written to {@code target/rate-limit.txt}: figures to read, not asserted (this machine's load decides
 * them).
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {

    private static final int REQUESTS_PER_SECOND = 200;
    private static final int BURST = 5_000;
    private static final int FLOODERS = 4;
    private static final int MEASURED = 1_000;
    private static final int WARM_UP = 200;
    private static final String A_PAGE = "flood/carts/shop/product-sync?limit=50";
    private static final String B_PAGE = "calm/carts/shop/product-sync?limit=50";
    private static final Pattern RETRY_AFTER = Pattern.compile("(?i)retry-after=\\[(\\d+)]");

    private ConfigurableApplicationContext app;
    private ApiClient api;
    private String brokers;
    private String databaseUrl;

    @BeforeAll
    void startServiceWithTwoTenants(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        databaseUrl = TestDatabase.newDatabaseUrl("rate_limit");
        WriterTopics.create(brokers, 1);
        app = RunningService.start(
                brokers,
                databaseUrl,
                "--productsync.kafka.partitions=1",
                "--productsync.report.limits.requests-per-second=" + REQUESTS_PER_SECOND,
                "--productsync.report.limits.burst=" + BURST);
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        for (String tenant : List.of("flood", "calm")) {
            var cart = new CartConnectionConfigured(
                    tenant, "shop", "main", true, true, Duration.ofSeconds(10), Instant.parse("2026-11-28T09:00:00Z"));
            TopicRecords.send(
                    brokers,
                    Topics.CART_CONNECTIONS.name(),
                    cart.key().value(),
                    Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("", cart));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(A_PAGE).status() == 200 && api.get(B_PAGE).status() == 200);
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void aTenantFloodingIsAnswered429WhileAnotherTenantIsNeverLimited() throws Exception {
        List<Integer> bStatuses = new ArrayList<>();
        measure(api, WARM_UP, bStatuses); // warms the JIT and the connection pool, not counted
        long[] alone = measure(api, MEASURED, bStatuses);
        // B is measured once A is past its burst and being refused, so the flood is in its steady state
        Flood limitedFlood = new Flood(api);
        long[] duringFlood;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> limitedFlood.limited.get() >= 100);
            duringFlood = measure(api, MEASURED, bStatuses);
        } finally {
            limitedFlood.stop();
        }
        // The baseline, same run: a second instance on the same database whose limit A never reaches
        long[] duringUnlimitedFlood;
        Flood unlimitedFlood;
        try (ConfigurableApplicationContext unlimited = RunningService.start(
                brokers,
                databaseUrl,
                "--productsync.kafka.partitions=1",
                "--productsync.report.limits.requests-per-second=" + Integer.MAX_VALUE,
                "--productsync.report.limits.burst=" + Integer.MAX_VALUE)) {
            ApiClient unlimitedApi =
                    new ApiClient(Integer.parseInt(unlimited.getEnvironment().getProperty("local.server.port")));
            measure(unlimitedApi, WARM_UP, new ArrayList<>());
            unlimitedFlood = new Flood(unlimitedApi);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> unlimitedFlood.answered.get() >= 100);
                duringUnlimitedFlood = measure(unlimitedApi, MEASURED, new ArrayList<>());
            } finally {
                unlimitedFlood.stop();
            }
        }

        Response limited = limitedFlood.firstLimited.get();
        assertThat(limited).as("A was answered 429").isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.detail()).startsWith("too many requests for tenant 'flood': at most 200 a second");
        Matcher retryAfter = RETRY_AFTER.matcher(limited.headers());
        assertThat(retryAfter.find()).as(limited.headers()).isTrue();
        assertThat(Long.parseLong(retryAfter.group(1))).isPositive();
        assertThat(bStatuses).as("B's answers").hasSize(WARM_UP + 2 * MEASURED).containsOnly(200);
        assertThat(unlimitedFlood.limited.get())
                .as("the baseline's A is never refused")
                .isZero();

        String figures = String.format(
                Locale.ROOT,
                "B reads a page of its table (%d times in a row); A floods its own table with %d threads%n"
                        + "B alone:                          p50 %6.2f ms, p99 %6.2f ms%n"
                        + "B while A floods, limited:        p50 %6.2f ms, p99 %6.2f ms"
                        + " (A: %d requests, %d answered 429; limit %d/s, burst %d)%n"
                        + "B while A floods, no limit:       p50 %6.2f ms, p99 %6.2f ms"
                        + " (A: %d requests, all served; second instance, same database)%n",
                MEASURED,
                FLOODERS,
                percentile(alone, 50),
                percentile(alone, 99),
                percentile(duringFlood, 50),
                percentile(duringFlood, 99),
                limitedFlood.answered.get(),
                limitedFlood.limited.get(),
                REQUESTS_PER_SECOND,
                BURST,
                percentile(duringUnlimitedFlood, 50),
                percentile(duringUnlimitedFlood, 99),
                unlimitedFlood.answered.get());
        System.out.print(figures);
        write(figures);
    }

    /** Tenant A's page requested in a loop by {@link #FLOODERS} threads until stopped. */
    private static final class Flood {

        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger limited = new AtomicInteger();
        final AtomicReference<Response> firstLimited = new AtomicReference<>();
        private final AtomicBoolean flooding = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(FLOODERS);
        private final List<Future<?>> loops = new ArrayList<>();

        Flood(ApiClient client) {
            for (int i = 0; i < FLOODERS; i++) {
                loops.add(threads.submit(() -> {
                    while (flooding.get()) {
                        Response response = client.get(A_PAGE);
                        answered.incrementAndGet();
                        if (response.status() == 429) {
                            limited.incrementAndGet();
                            firstLimited.compareAndSet(null, response);
                        }
                    }
                }));
            }
        }

        void stop() throws Exception {
            flooding.set(false);
            threads.shutdown();
            for (Future<?> loop : loops) {
                loop.get();
            }
        }
    }

    /** Times B's page {@code count} times in a row, in nanoseconds; keeps every status. */
    private static long[] measure(ApiClient client, int count, List<Integer> statuses) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Response response = client.get(B_PAGE);
            nanos[i] = System.nanoTime() - start;
            statuses.add(response.status());
        }
        return nanos;
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void write(String figures) throws IOException {
        Path file = Path.of("target", "rate-limit.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, figures);
    }
}
