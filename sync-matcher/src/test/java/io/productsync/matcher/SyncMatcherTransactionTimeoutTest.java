package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The failure behind the load-time transaction errors, forced: a stream thread stalls longer than its transaction
 * timeout, the coordinator aborts the transaction and bumps the producer epoch (transactions v2), the thread's next send
 * is fenced, Streams migrates its tasks and replays from the last committed offsets. Nothing may be lost or doubled.
 */
@EmbeddedKafka(brokerProperties = "transaction.abort.timed.out.transaction.cleanup.interval.ms=500")
class SyncMatcherTransactionTimeoutTest {

    private static final int SKUS = 1_000;
    private static final int PARTITIONS = 2;
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    // At least one evaluation per SKU, so the stall falls in the middle of the load.
    private final StallingClock clock = new StallingClock(SKUS / 3);
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        clock.release();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void recoversFromATimedOutTransactionWithEveryResultCommittedOnce(
            EmbeddedKafkaBroker broker, @TempDir Path stateDir) throws Exception {
        String bootstrap = broker.getBrokersAsString();
        try (Admin admin = TestKafka.admin(bootstrap);
                KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = TestKafka.readCommitted(bootstrap)) {
            TestKafka.declare(bootstrap, TestKafka.INPUTS, PARTITIONS);
            app = SyncMatcherApplication.builder()
                    .initializers(replacingTheClock())
                    .run(
                            "--spring.kafka.bootstrap-servers=" + bootstrap,
                            "--spring.kafka.streams.state-dir=" + stateDir,
                            "--productsync.kafka.partitions=" + PARTITIONS,
                            // Shorter than the stall below, as a CPU-starved thread's would be.
                            "--spring.kafka.streams.properties.transaction.timeout.ms=3000",
                            // Recovery rejoins under a new member id; the old one leaves after this, not after 45 s.
                            "--spring.kafka.streams.properties.session.timeout.ms=6000");

            CartConnectionConfigured connection = connection();
            TestKafka.send(producer, Topics.CART_CONNECTIONS, connection.key().value(), connection);
            for (int i = 0; i < SKUS; i++) {
                WmsInventoryObserved wms = wms(i);
                TestKafka.send(producer, Topics.WMS_INVENTORY, wms.key().value(), wms);
            }
            for (int i = 0; i < SKUS; i++) {
                CartInventoryObserved cart = cart(i);
                TestKafka.send(producer, Topics.CART_INVENTORY, cart.key().value(), cart);
            }
            producer.flush();

            await().atMost(Duration.ofMinutes(2)).until(clock::hasStalled);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> !abortedTransactions(admin).isEmpty());
            clock.release();

            Map<String, List<SkuSyncEvaluated>> results = awaitVerifiedForEverySku(consumer);
            assertThat(results).hasSize(SKUS);
            // Nothing lost: every SKU ends VERIFIED. Nothing contradictory: before that, a key has only NOT_SYNCED
            // (its cart row joined before its WMS row) or the same VERIFIED evaluation again. eventId and
            // evaluatedAt are new on every evaluation, so an evaluation is compared by what it says. The contract lets
            // a result be delivered more than once, and after this forced abort some are: the evaluation of some keys
            // committed just before the stall is committed again after recovery (23-105 of 1,000 keys in 4 of 7
            // runs here, on Kafka 4.1.2); the read model takes an identical result twice as once.
            assertThat(results).allSatisfy((key, evaluations) -> {
                SkuSyncEvaluated last = evaluations.get(evaluations.size() - 1);
                assertThat(last.outcome()).isEqualTo(SyncOutcome.VERIFIED);
                assertThat(evaluations.subList(0, evaluations.size() - 1))
                        .allSatisfy(earlier -> assertThat(earlier.outcome() == SyncOutcome.NOT_SYNCED
                                        || Evaluation.of(earlier).equals(Evaluation.of(last)))
                                .as("an earlier result of %s: %s", key, earlier)
                                .isTrue());
                assertThat(evaluations.stream()
                                .filter(result -> result.outcome() == SyncOutcome.NOT_SYNCED)
                                .map(Evaluation::of))
                        .doesNotHaveDuplicates();
            });
            long redelivered = results.values().stream()
                    .filter(evaluations -> evaluations.stream()
                                    .filter(result -> result.outcome() == SyncOutcome.VERIFIED)
                                    .count()
                            > 1)
                    .count();
            System.out.printf(
                    "transaction timeout: %d of %d keys had their VERIFIED delivered twice%n", redelivered, SKUS);
        }
    }

    /** The application's clock becomes the stalling one, so its stream thread stalls mid-transaction. */
    private ApplicationContextInitializer<ConfigurableApplicationContext> replacingTheClock() {
        BeanPostProcessor replace = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof Clock ? clock : bean;
            }
        };
        return context -> context.getBeanFactory().addBeanPostProcessor(replace);
    }

    private static List<String> abortedTransactions(Admin admin) throws Exception {
        return admin
                .listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.PREPARE_ABORT, TransactionState.COMPLETE_ABORT)))
                .all()
                .get()
                .stream()
                .map(listing -> listing.transactionalId())
                .filter(id -> id.startsWith("sync-matcher-"))
                .toList();
    }

    /** Every committed result per key, in the order of its partition, once every SKU has its VERIFIED result. */
    private static Map<String, List<SkuSyncEvaluated>> awaitVerifiedForEverySku(
            KafkaConsumer<String, byte[]> consumer) {
        Map<String, List<SkuSyncEvaluated>> results = new HashMap<>();
        consumer.subscribe(List.of(Topics.SYNC_RESULTS.name()));
        await().atMost(Duration.ofMinutes(3)).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> results.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(Topics.SYNC_RESULTS
                                    .valueSerde()
                                    .deserializer()
                                    .deserialize(record.topic(), record.value())));
            return results.values().stream()
                            .filter(list -> list.get(list.size() - 1).outcome() == SyncOutcome.VERIFIED)
                            .count()
                    == SKUS;
        });
        return results;
    }

    /** What one evaluation says, without what is new on every evaluation (eventId, evaluatedAt). */
    private record Evaluation(
            SyncOutcome outcome,
            SyncReason reason,
            String matchedWmsSku,
            Long cartQuantity,
            Long wmsQuantity,
            Instant syncedAt) {

        static Evaluation of(SkuSyncEvaluated result) {
            return new Evaluation(
                    result.outcome(),
                    result.reason(),
                    result.matchedWmsSku(),
                    result.cartQuantity(),
                    result.wmsQuantity(),
                    result.syncedAt());
        }
    }

    private static CartConnectionConfigured connection() {
        return new CartConnectionConfigured("acme", "shop", "main", true, true, Duration.ofMinutes(5), T0);
    }

    private static WmsInventoryObserved wms(int i) {
        return new WmsInventoryObserved(UUID.randomUUID(), "acme", "main", sku(i), i % 40, T0);
    }

    private static CartInventoryObserved cart(int i) {
        return new CartInventoryObserved(
                UUID.randomUUID(), "acme", "shop", sku(i), true, true, i % 40, T0.plusSeconds(1));
    }

    private static String sku(int i) {
        return "sku-%04d".formatted(i);
    }
}
