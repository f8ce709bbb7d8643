package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Not part of the normal run (surefire's default includes skip *Benchmark): a 10,000-line alias file through the
 * import API, dry run then apply, next to the baseline of the same aliases sent one PUT at a time (200 of them, scaled).
 * Run: {@code ./mvnw -q -B -o -pl sync-report-api verify -Dtest=AliasImportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; prints to {@code target/alias-import-benchmark.txt}.
 */
@EmbeddedKafka
class AliasImportBenchmark {

    @Test
    void importsTenThousandAliases(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        try (ConfigurableApplicationContext app = RunningService.start(
                brokers, TestDatabase.newDatabaseUrl("import_bench"), "--productsync.kafka.partitions=2")) {
            WriterTopics.create(brokers, 2);
            ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            var cart = new CartConnectionConfigured(
                    "bench", "shop", "main", true, true, Duration.ofSeconds(10), Instant.now());
            TopicRecords.send(
                    brokers,
                    Topics.CART_CONNECTIONS.name(),
                    cart.key().value(),
                    Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("cart-connections", cart));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("bench/aliases").status() == 200);
            StringBuilder file = new StringBuilder("alias,wms_sku,kind\n");
            for (int i = 0; i < 10_000; i++) {
                file.append("LISTING-").append(i).append(",WMS-").append(i).append(",LISTING_SKU\n");
            }
            byte[] csv = file.toString().getBytes(StandardCharsets.UTF_8);

            long baselineStart = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                assertThat(api.put("bench/aliases/PUT-" + i, "{\"wmsSku\":\"W-" + i + "\",\"kind\":\"SKU\"}")
                                .status())
                        .isEqualTo(202);
            }
            long baselineNanos = System.nanoTime() - baselineStart;
            long dryStart = System.nanoTime();
            ApiClient.Response dry = api.send("POST", "bench/aliases/import?dryRun=true", "text/csv", csv);
            long dryNanos = System.nanoTime() - dryStart;
            long applyStart = System.nanoTime();
            ApiClient.Response applied = api.send("POST", "bench/aliases/import", "text/csv", csv);
            long applyNanos = System.nanoTime() - applyStart;

            assertThat(dry.body().get("added").asInt()).isEqualTo(10_000);
            assertThat(applied.body().get("added").asInt()).isEqualTo(10_000);
            String report = String.format(
                    "baseline: 200 alias PUTs one at a time: %d ms (%.0f aliases/s)%n"
                            + "import dry run, 10,000 lines: %d ms (%.0f lines/s)%n"
                            + "import apply, 10,000 lines (published, all acknowledged): %d ms (%.0f lines/s)%n",
                    baselineNanos / 1_000_000,
                    200 / (baselineNanos / 1e9),
                    dryNanos / 1_000_000,
                    10_000 / (dryNanos / 1e9),
                    applyNanos / 1_000_000,
                    10_000 / (applyNanos / 1e9));
            Files.writeString(Path.of("target", "alias-import-benchmark.txt"), report);
            System.out.print(report);
        }
    }
}
