package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.ConfirmSnapshotRemoval;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.SourceKey;
import io.productsync.events.Topics;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.system.TopicSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The poller's {@code inventory-snapshot-holds} as a test reads it, and confirmations sent as sync-report-api would. */
final class SnapshotHolds implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TopicRecords<SnapshotHeld> records;
    private final TopicSender sender;

    SnapshotHolds(String bootstrapServers, TopicSender sender) {
        this.records = new TopicRecords<>(bootstrapServers, Topics.INVENTORY_SNAPSHOT_HOLDS);
        this.sender = sender;
    }

    /** Every record for the source so far, tombstones as null values. */
    List<SnapshotHeld> of(SourceKey source) {
        return records.withKeyPrefix(source.value()).stream()
                .filter(r -> r.key().equals(source.value()))
                .map(records::value)
                .toList();
    }

    /** Waits until the latest record for the source is a hold with at least {@code cycles} held cycles. */
    SnapshotHeld awaitHeld(SourceKey source, int cycles) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(latest(source))
                        .isNotNull()
                        .extracting(SnapshotHeld::heldCycles)
                        .matches(held -> held >= cycles));
        return latest(source);
    }

    /** Waits until the latest record for the source is a tombstone that follows a hold. */
    void awaitEnded(SourceKey source) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> all = records.withKeyPrefix(source.value());
            assertThat(all).filteredOn(r -> r.value() != null).isNotEmpty();
            assertThat(all).last().extracting(ConsumerRecord::value).isNull();
        });
    }

    void confirm(SnapshotHeld held) throws Exception {
        confirm(held.key(), held.heldSince());
    }

    void confirm(SourceKey source, Instant heldSince) throws Exception {
        ConfirmSnapshotRemoval confirmation = new ConfirmSnapshotRemoval(
                UUID.randomUUID(), source.tenantId(), source.kind(), source.sourceId(), heldSince, Instant.now());
        sender.send(Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS, source.value(), confirmation, confirmation.confirmedAt())
                .get();
    }

    private SnapshotHeld latest(SourceKey source) {
        List<ConsumerRecord<String, byte[]>> all = records.withKeyPrefix(source.value()).stream()
                .filter(r -> r.key().equals(source.value()))
                .toList();
        return all.isEmpty() ? null : records.value(all.get(all.size() - 1));
    }

    @Override
    public void close() {
        records.close();
    }
}
