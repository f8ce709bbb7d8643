package io.productsync.poller.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.DeadLetters;
import io.productsync.events.MatchedVia;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import io.productsync.poller.FakeConnectors;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@PollerKafkaTest
class PushApplierTest {

    private static final String CART = """
            sku,inventory_tracked,product_active,quantity,note
            A,true,true,12,first
            B,true,true,5,"second, quoted"
            """;

    @Autowired
    PollerSettings settings;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    TopicSender sender;

    @Autowired
    KafkaTemplate<String, byte[]> rawTemplate;

    @Autowired
    FakeConnectors fakes;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    String tenant;
    Path cartFile;
    TopicRecords<SkuSyncEvaluated> results;
    TopicRecords<CartInventoryObserved> observations;

    @BeforeEach
    void sandboxCart() throws IOException {
        tenant = "p-" + UUID.randomUUID().toString().substring(0, 8);
        Path tenantDir = settings.sandbox().dir().resolve(tenant);
        Files.createDirectories(tenantDir.resolve("wms"));
        Files.writeString(tenantDir.resolve("wms/wh.csv"), "sku,available\nA,15\n");
        Files.createDirectories(tenantDir.resolve("carts"));
        cartFile = Files.writeString(tenantDir.resolve("carts/shop.csv"), CART);
        results = new TopicRecords<>(broker.getBrokersAsString(), Topics.SYNC_RESULTS);
        observations = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
    }

    @AfterEach
    void closeTopics() {
        results.close();
        observations.close();
    }

    @Test
    void rewritesTheCartCsvAndReportsUpdated() throws Exception {
        PushCartInventory push = push("A", 12, 15);

        send(push);

        SkuSyncEvaluated result = awaitResult("A");
        assertThat(result.outcome()).isEqualTo(SyncOutcome.UPDATED);
        assertThat(result.syncedAt()).isEqualTo(result.evaluatedAt()).isAfter(push.issuedAt());
        assertThat(result)
                .extracting(
                        SkuSyncEvaluated::cartQuantity,
                        SkuSyncEvaluated::pushedQuantity,
                        SkuSyncEvaluated::wmsQuantity,
                        SkuSyncEvaluated::matchedWmsSku,
                        SkuSyncEvaluated::matchedVia,
                        SkuSyncEvaluated::inventoryEnabled,
                        SkuSyncEvaluated::reason)
                .containsExactly(12L, 15L, 15L, "A", MatchedVia.SKU, true, null);
        assertThat(Files.readString(cartFile)).isEqualTo(CART.replace("A,true,true,12,first", "A,true,true,15,first"));
    }

    @Test
    void reportsTheResultOnThePartitionOfItsPushWhereTheMatcherDecidedTheSku() throws Exception {
        PushCartInventory push = push("A", 12, 15);
        // Not where Kafka's default partitioner would put the key: the matcher writes a SKU's push on the partition
        // that owns the SKU, and its verdicts there must speak for the push's result too.
        int byKey = Utils.toPositive(Utils.murmur2(push.key().value().getBytes(StandardCharsets.UTF_8))) % 2;
        int partition = 1 - byKey;

        sender.send(Topics.CART_INVENTORY_PUSHES, partition, push.key().value(), push, push.issuedAt())
                .get();

        String key = tenant + "/shop/A";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(results.withKeyPrefix(key)).isNotEmpty());
        assertThat(results.withKeyPrefix(key))
                .extracting(ConsumerRecord::partition)
                .containsOnly(partition);
        assertThat(results.value(results.withKeyPrefix(key).get(0)).outcome()).isEqualTo(SyncOutcome.UPDATED);
    }

    @Test
    void publishesWhatTheCartHoldsAfterThePushAsAFreshObservation() throws Exception {
        replaceCart(CART.replace("B,true,true,5,", "B,true,true,6,"));

        send(push("A", 12, 15));
        PushCartInventory refused = push("B", 5, 7);
        RecordMetadata refusedSent = send(refused);

        // The cart is polled every 200 ms too: the push's own observation is the one at the push's time.
        SkuSyncEvaluated applied = awaitResult("A");
        assertThat(awaitObservationAt("A", applied.evaluatedAt()))
                .extracting(
                        CartInventoryObserved::quantity,
                        CartInventoryObserved::inventoryTracked,
                        CartInventoryObserved::productActive)
                .containsExactly(15L, true, true);
        assertThat(awaitPushObservation(refused).quantity()).isEqualTo(6);
        awaitCommittedPast(refusedSent);
        assertThat(results.toEndWithKeyPrefix(tenant + "/shop/B")).isEmpty();
    }

    @Test
    void twoPushesInARowBothApplyWithAnHourlyCartPoll() throws Exception {
        Path carts = cartFile.getParent();
        Files.writeString(carts.resolve("hourly.properties"), "poll-interval=1h\n");
        Files.writeString(
                carts.resolve("hourly.csv"), "sku,inventory_tracked,product_active,quantity\nA,true,true,12\n");
        CartInventoryObserved polled = awaitObservation("hourly", "A", 12);

        // Each push is what the matcher decides from the newest observation it holds.
        send(pushFrom(polled, 15));
        CartInventoryObserved afterFirst = awaitObservation("hourly", "A", 15);
        send(pushFrom(afterFirst, 18));
        awaitObservation("hourly", "A", 18);

        assertThat(Files.readString(carts.resolve("hourly.csv"))).contains("A,true,true,18");
        assertThat(results.toEndWithKeyPrefix(tenant + "/hourly/A").stream()
                        .map(results::value)
                        .map(SkuSyncEvaluated::outcome))
                .containsExactly(SyncOutcome.UPDATED, SyncOutcome.UPDATED);
        assertThat(observations.toEndWithKeyPrefix(tenant + "/hourly/A").stream()
                        .map(observations::value)
                        .map(CartInventoryObserved::quantity))
                .as("one poll, then what each push left")
                .containsExactly(12L, 15L, 18L);
    }

    @Test
    void appliesThePushesOfAPollInBatchesOfTheCartsSize() throws Exception {
        BatchCountingCart counting = new BatchCountingCart(100);
        fakes.add(tenant, "batched", counting);
        sendWhileTheListenerIsPaused("batched", 250);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(results.withKeyPrefix(tenant + "/batched/")).hasSize(250));
        assertThat(counting.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 100));
        assertThat(counting.batchSizes().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(250);
        assertThat(counting.batchSizes()).as("calls to the cart for 250 pushes").hasSizeLessThan(25);
    }

    @Test
    void takesUpTo2000PushesInAPollSoACartThatTakesAnyNumberIsWrittenOnceForThem() throws Exception {
        BatchCountingCart counting = new BatchCountingCart(Integer.MAX_VALUE);
        fakes.add(tenant, "unbounded", counting);
        sendWhileTheListenerIsPaused("unbounded", 1_500);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(results.withKeyPrefix(tenant + "/unbounded/"))
                        .hasSize(1_500));
        assertThat(counting.batchSizes().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(1_500);
        // Polls of 500 would take at least three writes.
        assertThat(counting.batchSizes())
                .as("writes to the cart for 1,500 pushes")
                .hasSizeLessThan(3);
    }

    @Test
    void appliesTheSamePushOnlyOnce() throws Exception {
        PushCartInventory push = push("A", 12, 15);
        send(push);
        awaitResult("A");
        // Someone else changes the cart; a second application would now fail and report it.
        replaceCart(CART.replace("A,true,true,12,first", "A,true,true,20,first"));

        RecordMetadata redelivered = send(push);

        awaitCommittedPast(redelivered);
        assertThat(results.toEndWithKeyPrefix(tenant + "/shop/A")).hasSize(1);
        assertThat(Files.readString(cartFile)).contains("A,true,true,20,first");
    }

    @Test
    void answersAPushReissuedUnderANewIdForATargetAlreadyReachedWithAnObservationAndNoSecondUpdate() throws Exception {
        PushCartInventory push = push("A", 12, 15);
        send(push);
        assertThat(awaitResult("A").outcome()).isEqualTo(SyncOutcome.UPDATED);
        // The matcher re-issues a push still pending after a further cycle under an id of its own.
        PushCartInventory reissued = new PushCartInventory(
                UUID.randomUUID(),
                push.tenantId(),
                push.cartId(),
                push.sku(),
                push.expectedQuantity(),
                push.targetQuantity(),
                Instant.now(),
                push.matchedWmsSku(),
                push.matchedVia(),
                push.wmsQuantity(),
                push.cartObservedAt());

        RecordMetadata sent = send(reissued);
        RecordMetadata redelivered = send(reissued);

        assertThat(awaitPushObservation(reissued).quantity()).isEqualTo(15);
        awaitCommittedPast(sent);
        awaitCommittedPast(redelivered);
        assertThat(results.toEndWithKeyPrefix(tenant + "/shop/A")).hasSize(1);
        UUID observationId = PushResults.observed(reissued, 0, Instant.EPOCH).eventId();
        assertThat(observations.toEndWithKeyPrefix(tenant + "/shop/A").stream()
                        .map(observations::value)
                        .filter(observed ->
                                observed != null && observed.eventId().equals(observationId)))
                .as("the redelivered re-issue is skipped by its pushId")
                .hasSize(1);
        assertThat(Files.readString(cartFile)).contains("A,true,true,15,first");
    }

    @Test
    void reportsWhatTheCartHoldsNotAFailureWhenItChangedSinceItWasObserved() throws Exception {
        replaceCart(CART.replace("A,true,true,12,first", "A,true,true,13,first"));
        PushCartInventory push = push("A", 12, 15);

        RecordMetadata sent = send(push);

        assertThat(awaitPushObservation(push).quantity()).isEqualTo(13);
        awaitCommittedPast(sent);
        assertThat(results.toEndWithKeyPrefix(tenant + "/shop/A")).isEmpty();
        assertThat(Files.readString(cartFile)).contains("A,true,true,13,first");
    }

    @Test
    void reportsWhatTheCartHoldsWithoutWritingWhenItAlreadyHoldsTheTarget() throws Exception {
        replaceCart(CART.replace("A,true,true,12,first", "A,true,true,15,first"));
        long modified = Files.getLastModifiedTime(cartFile).toMillis();
        PushCartInventory push = push("A", 12, 15);

        RecordMetadata sent = send(push);

        assertThat(awaitPushObservation(push).quantity()).isEqualTo(15);
        awaitCommittedPast(sent);
        assertThat(results.toEndWithKeyPrefix(tenant + "/shop/A")).isEmpty();
        assertThat(Files.getLastModifiedTime(cartFile).toMillis()).isEqualTo(modified);
    }

    @Test
    void reportsNothingForACartOrASkuThatIsGoneSoNoRemovedRowComesBack() throws Exception {
        PushCartInventory noSuchCart = new PushCartInventory(
                UUID.randomUUID(),
                tenant,
                "no-such-cart",
                "A",
                1,
                2,
                Instant.now(),
                "A",
                MatchedVia.SKU,
                2,
                Instant.now());
        RecordMetadata toNoCart = send(noSuchCart);
        RecordMetadata toNoSku = send(push("Z", 1, 2));
        send(push("A", 12, 15));

        assertThat(awaitResult("A").outcome()).isEqualTo(SyncOutcome.UPDATED);
        awaitCommittedPast(toNoCart);
        awaitCommittedPast(toNoSku);
        assertThat(results.toEndWithKeyPrefix(tenant + "/no-such-cart/")).isEmpty();
        assertThat(results.toEndWithKeyPrefix(tenant + "/shop/Z")).isEmpty();
        assertThat(Files.readString(cartFile)).doesNotContain("Z,");
    }

    @Test
    void sendsAMalformedPushToTheDeadLetterTopicAndAppliesTheNext() throws Exception {
        String key = tenant + "/shop/B";
        try (TopicRecords<byte[]> deadLetters =
                TopicRecords.deadLetters(broker.getBrokersAsString(), Topics.CART_INVENTORY_PUSHES)) {
            rawTemplate
                    .send(
                            Topics.CART_INVENTORY_PUSHES.name(),
                            key,
                            "{\"pushId\":\"not-a-uuid\"".getBytes(StandardCharsets.UTF_8))
                    .get();
            send(push("B", 5, 7));

            assertThat(awaitResult("B").outcome()).isEqualTo(SyncOutcome.UPDATED);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(deadLetters.withKeyPrefix(key)).hasSize(1));
            ConsumerRecord<String, byte[]> dead = deadLetters.withKeyPrefix(key).get(0);
            assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                    .contains("not a valid PushCartInventory on cart-inventory-pushes");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"pushId\":\"not-a-uuid\"");
        }
        assertThat(Files.readString(cartFile)).contains("B,true,true,7,\"second, quoted\"");
    }

    /** {@code count} pushes to SKU-0.. of the cart, all on the topic before the listener polls again. */
    private void sendWhileTheListenerIsPaused(String cartId, int count) throws Exception {
        MessageListenerContainer listener = listeners.getListenerContainer("inventory-poller-pushes");
        List<PushCartInventory> pushes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pushes.add(push(cartId, "SKU-" + i, 1, 2));
        }
        listener.pause();
        try {
            CompletableFuture.allOf(pushes.stream()
                            .map(push -> sender.send(
                                    Topics.CART_INVENTORY_PUSHES, push.key().value(), push, push.issuedAt()))
                            .toArray(CompletableFuture[]::new))
                    .get();
        } finally {
            listener.resume();
        }
    }

    private PushCartInventory push(String sku, long expected, long target) {
        return push("shop", sku, expected, target);
    }

    private PushCartInventory push(String cart, String sku, long expected, long target) {
        return new PushCartInventory(
                UUID.randomUUID(),
                tenant,
                cart,
                sku,
                expected,
                target,
                Instant.now(),
                sku,
                MatchedVia.SKU,
                target,
                Instant.now());
    }

    /** The push the matcher makes of an observation when the WMS says {@code target}. */
    private static PushCartInventory pushFrom(CartInventoryObserved observed, long target) {
        return new PushCartInventory(
                UUID.randomUUID(),
                observed.tenantId(),
                observed.cartId(),
                observed.sku(),
                observed.quantity(),
                target,
                Instant.now(),
                observed.sku(),
                MatchedVia.SKU,
                target,
                observed.observedAt());
    }

    /** The observation the applier published for this push (its id derives from the pushId). */
    private CartInventoryObserved awaitPushObservation(PushCartInventory push) {
        UUID id = PushResults.observed(push, 0, Instant.EPOCH).eventId();
        return awaitObservation(
                push.cartId(), push.sku(), observed -> observed.eventId().equals(id));
    }

    private CartInventoryObserved awaitObservationAt(String sku, Instant observedAt) {
        return awaitObservation("shop", sku, observed -> observed.observedAt().equals(observedAt));
    }

    private CartInventoryObserved awaitObservation(String cart, String sku, long quantity) {
        return awaitObservation(cart, sku, observed -> observed.quantity() == quantity);
    }

    /** The last observation of the SKU that matches, once there is one. */
    private CartInventoryObserved awaitObservation(String cart, String sku, Predicate<CartInventoryObserved> matching) {
        String key = tenant + "/" + cart + "/" + sku;
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> observations.withKeyPrefix(key).stream()
                                .map(observations::value)
                                .filter(matching)
                                .reduce((first, last) -> last),
                        Optional::isPresent)
                .orElseThrow();
    }

    private RecordMetadata send(PushCartInventory push) throws Exception {
        return sender.send(Topics.CART_INVENTORY_PUSHES, push.key().value(), push, push.issuedAt())
                .get()
                .getRecordMetadata();
    }

    private SkuSyncEvaluated awaitResult(String sku) {
        String key = tenant + "/shop/" + sku;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(results.withKeyPrefix(key)).isNotEmpty());
        List<ConsumerRecord<String, byte[]>> records = results.withKeyPrefix(key);
        return results.value(records.get(records.size() - 1));
    }

    private void awaitCommittedPast(RecordMetadata sent) throws Exception {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("inventory-poller")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    private void replaceCart(String content) throws IOException {
        Path temp = Files.writeString(cartFile.resolveSibling("shop.edit"), content);
        Files.move(temp, cartFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
