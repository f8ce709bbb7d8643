package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.SandboxEdits.CART_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.HoldReason;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.Topics;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A hold released by repetition, on a poller of its own (the shared test context never releases by count), across a
 * restart in the middle of the hold.
 */
@PollerKafkaTest
class RemovalReleaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    TopicSender sender;

    @Test
    void releasesAHeldRemovalWhenTheSameSnapshotRepeatsPastTheConfiguredCyclesEvenAcrossARestart(
            @TempDir Path sandbox, @TempDir Path state) throws IOException {
        String tenant = "r-" + UUID.randomUUID().toString().substring(0, 8);
        SourceId cart = SourceId.cart(new CartKey(tenant, "shop"));
        SandboxEdits.write(sandbox.resolve(tenant), "wms/wh.csv", "sku,available\n");
        SandboxEdits.write(sandbox.resolve(tenant), "carts/shop.csv", CART_HEADER + "A,true,true,5\nB,true,true,6\n");
        try (TopicRecords<CartInventoryObserved> cartInventory =
                        new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
                SnapshotHolds holds = new SnapshotHolds(broker.getBrokersAsString(), sender)) {
            // Polled every 2 s, so it stops after the first held snapshot, two polls before the release.
            try (ConfigurableApplicationContext first = startPoller(sandbox, state, "2s")) {
                SnapshotScheduler scheduler = first.getBean(SnapshotScheduler.class);
                await().atMost(WAIT).until(() -> scheduler.counts(cart).complete() >= 1);
                SandboxEdits.write(sandbox.resolve(tenant), "carts/shop.csv", CART_HEADER);
                holds.awaitHeld(cart.key(), 1);
            }
            SnapshotHeld beforeRestart = holds.of(cart.key()).get(0);
            assertThat(new HoldFiles(state).hold(cart))
                    .hasValueSatisfying(hold -> assertThat(hold.heldCycles())
                            .isEqualTo(holds.of(cart.key()).size()));
            assertThat(beforeRestart)
                    .extracting(SnapshotHeld::reason, SnapshotHeld::heldCycles, SnapshotHeld::releaseAfterCycles)
                    .containsExactly(HoldReason.EMPTY_SNAPSHOT, 1, 2);
            assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/"))
                    .extracting(ConsumerRecord::key)
                    .contains(tenant + "/shop/A", tenant + "/shop/B");
            assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/")).noneMatch(r -> r.value() == null);

            try (ConfigurableApplicationContext second = startPoller(sandbox, state, "200ms")) {
                holds.awaitEnded(cart.key());
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(tombstones(cartInventory, tenant))
                                .extracting(ConsumerRecord::key)
                                .containsExactlyInAnyOrder(tenant + "/shop/A", tenant + "/shop/B"));
            }
            // The count went on after the restart: cycle 2 held, the next one released, with one heldSince throughout.
            List<SnapshotHeld> reports = holds.of(cart.key());
            assertThat(reports.subList(0, reports.size() - 1))
                    .extracting(SnapshotHeld::heldCycles)
                    .containsExactly(1, 2);
            assertThat(reports.subList(0, reports.size() - 1))
                    .extracting(SnapshotHeld::heldSince)
                    .containsOnly(beforeRestart.heldSince());
        }
    }

    private static List<ConsumerRecord<String, byte[]>> tombstones(
            TopicRecords<CartInventoryObserved> cartInventory, String tenant) {
        return cartInventory.withKeyPrefix(tenant + "/").stream()
                .filter(r -> r.value() == null)
                .toList();
    }

    private ConfigurableApplicationContext startPoller(Path sandbox, Path state, String pollInterval) {
        return SeparatePoller.start(
                broker.getBrokersAsString(),
                sandbox,
                state,
                pollInterval,
                "--productsync.poller.removal-guard.release-after-cycles=2");
    }
}
