package io.productsync.poller.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.DeadLetters;
import io.productsync.events.MatchedVia;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
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

    String tenant;
    Path cartFile;
    TopicRecords<SkuSyncEvaluated> results;

    @BeforeEach
    void sandboxCart() throws IOException {
        tenant = "p-" + UUID.randomUUID().toString().substring(0, 8);
        Path tenantDir = settings.sandbox().dir().resolve(tenant);
        Files.createDirectories(tenantDir.resolve("wms"));
        Files.writeString(tenantDir.resolve("wms/wh.csv"), "sku,available\nA,15\n");
        Files.createDirectories(tenantDir.resolve("carts"));
        cartFile = Files.writeString(tenantDir.resolve("carts/shop.csv"), CART);
        results = new TopicRecords<>(broker.getBrokersAsString(), Topics.SYNC_RESULTS);
    }

    @AfterEach
    void closeTopic() {
        results.close();
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
    void reportsCartRejectedWhenTheCartChangedSinceItWasObserved() throws Exception {
        replaceCart(CART.replace("A,true,true,12,first", "A,true,true,13,first"));

        send(push("A", 12, 15));

        SkuSyncEvaluated result = awaitResult("A");
        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.reason()).isEqualTo(SyncReason.CART_REJECTED);
        assertThat(result.detail()).contains("cart changed since it was observed");
        assertThat(result.cartQuantity()).isEqualTo(13);
        assertThat(result.syncedAt()).isNull();
        assertThat(Files.readString(cartFile)).contains("A,true,true,13,first");
    }

    @Test
    void reportsUpdatedWithoutWritingWhenTheCartAlreadyHoldsTheTarget() throws Exception {
        replaceCart(CART.replace("A,true,true,12,first", "A,true,true,15,first"));
        long modified = Files.getLastModifiedTime(cartFile).toMillis();

        send(push("A", 12, 15));

        assertThat(awaitResult("A").outcome()).isEqualTo(SyncOutcome.UPDATED);
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

    private PushCartInventory push(String sku, long expected, long target) {
        return new PushCartInventory(
                UUID.randomUUID(),
                tenant,
                "shop",
                sku,
                expected,
                target,
                Instant.now(),
                sku,
                MatchedVia.SKU,
                target,
                Instant.now());
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
