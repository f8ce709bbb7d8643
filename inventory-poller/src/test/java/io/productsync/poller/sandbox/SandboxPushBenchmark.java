package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.MatchedVia;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * Not part of the test suite (surefire runs {@code *Test} classes only); run it with
 * {@code ./mvnw -q -B -pl inventory-poller verify -Dtest=SandboxPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code inventory-poller/target/sandbox-push-benchmark.txt}. Pushes into a 1,000-row sandbox cart on the
 * embedded broker: as a baseline, one push at a time the way the applier once did it (one file rewrite, then one
 * result sent with acks=all and awaited); then through the push applier with 1,000 pushes queued at once (applied a
 * poll at a time, one rewrite per poll); then through the applier with each push sent only once the previous one's
 * result arrived (one push per poll: what a trickle of pushes costs). Every push must be UPDATED in the file.
 */
@PollerKafkaTest
// A context of its own: whole-file pages, so the cart's one poll does not compete with the pushes.
@TestPropertySource(properties = "productsync.sandbox.page-size=1000")
class SandboxPushBenchmark {

    private static final int ROWS = 1000;
    private static final int ONE_AT_A_TIME = 200;

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    TopicSender sender;

    @Test
    void pushesIntoAThousandRowCart() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(
                "Sandbox pushes into a 1,000-row cart file, embedded broker, acks=all; machine shared with other builds");
        lines.add(String.format("%-44s %7s %9s %10s", "path", "pushes", "wall ms", "pushes/s"));
        lines.add(baseline());
        lines.add(throughTheApplier(ROWS, false));
        lines.add(throughTheApplier(ONE_AT_A_TIME, true));
        Path report = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-push-benchmark.txt");
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    /** One rewrite and one awaited send per push, as the applier did before it batched. */
    private String baseline() throws Exception {
        Path file = Files.createTempDirectory("baseline").resolve("shop.csv");
        Files.writeString(file, cart());
        String tenant = tenant();
        long start = System.nanoTime();
        for (int i = 0; i < ROWS; i++) {
            QuantityChange change = new QuantityChange(sku(i), 5, 6, UUID.randomUUID());
            assertThat(CartFileRewrite.setQuantity(file, change).status())
                    .isEqualTo(QuantityChangeResult.Status.APPLIED);
            SkuSyncEvaluated result = updated(push(tenant, i));
            sender.send(Topics.SYNC_RESULTS, result.key().value(), result, result.evaluatedAt())
                    .get();
        }
        long nanos = System.nanoTime() - start;
        assertThat(Files.readString(file)).doesNotContain(",5\n");
        return row("baseline: a rewrite and an awaited send a push", ROWS, nanos);
    }

    private String throughTheApplier(int pushes, boolean oneAtATime) throws Exception {
        String tenant = tenant();
        Path dir = settings.sandbox().dir().resolve(tenant);
        Files.createDirectories(dir.resolve("wms"));
        Files.createDirectories(dir.resolve("carts"));
        Files.writeString(dir.resolve("wms/wh.csv"), "sku,available\n");
        // Read once, so the cart is connected, and not again while the pushes are measured.
        Files.writeString(dir.resolve("carts/shop.properties"), "poll-interval=1h\n");
        Files.writeString(dir.resolve("carts/shop.csv"), cart());
        try (TopicRecords<SkuSyncEvaluated> results =
                        new TopicRecords<>(broker.getBrokersAsString(), Topics.SYNC_RESULTS);
                TopicRecords<?> observed = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> observed.withKeyPrefix(tenant + "/shop/").size() >= ROWS);
            long start = System.nanoTime();
            if (oneAtATime) {
                for (int i = 0; i < pushes; i++) {
                    CompletableFuture<?> sent = send(push(tenant, i));
                    // As the matcher's transactional producer sends at its commit, not after this one's linger.
                    sender.flush();
                    sent.get();
                    int expected = i + 1;
                    // Polled back to back (the consumer's poll returns as soon as a record arrives), not every 100 ms.
                    await().pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(1))
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> results.withKeyPrefix(tenant + "/").size() >= expected);
                }
            } else {
                List<CompletableFuture<?>> sends = new ArrayList<>();
                for (int i = 0; i < pushes; i++) {
                    sends.add(send(push(tenant, i)));
                }
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> results.withKeyPrefix(tenant + "/").size() >= pushes);
            }
            long nanos = System.nanoTime() - start;
            assertThat(results.withKeyPrefix(tenant + "/"))
                    .hasSize(pushes)
                    .allSatisfy(record ->
                            assertThat(results.value(record).outcome()).isEqualTo(SyncOutcome.UPDATED));
            return row(
                    oneAtATime ? "applier, each push after the last one's result" : "applier, 1,000 pushes queued",
                    pushes,
                    nanos);
        }
    }

    private CompletableFuture<?> send(PushCartInventory push) {
        return sender.send(Topics.CART_INVENTORY_PUSHES, push.key().value(), push, push.issuedAt());
    }

    private static String row(String path, int pushes, long nanos) {
        double ms = nanos / 1e6;
        return String.format("%-44s %7d %9.0f %10.0f", path, pushes, ms, pushes / (ms / 1000));
    }

    private static String cart() {
        StringBuilder csv = new StringBuilder("sku,inventory_tracked,product_active,quantity\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(sku(i)).append(",true,true,5\n");
        }
        return csv.toString();
    }

    private static String sku(int i) {
        return "SKU-%05d".formatted(i);
    }

    private static String tenant() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PushCartInventory push(String tenant, int i) {
        Instant now = Instant.now();
        return new PushCartInventory(
                UUID.randomUUID(), tenant, "shop", sku(i), 5, 6, now, sku(i), MatchedVia.SKU, 6, now);
    }

    private static SkuSyncEvaluated updated(PushCartInventory push) {
        Instant now = Instant.now();
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                push.tenantId(),
                push.cartId(),
                push.sku(),
                true,
                SyncOutcome.UPDATED,
                null,
                null,
                push.matchedWmsSku(),
                push.matchedVia(),
                push.expectedQuantity(),
                push.wmsQuantity(),
                push.targetQuantity(),
                now,
                now);
    }
}
