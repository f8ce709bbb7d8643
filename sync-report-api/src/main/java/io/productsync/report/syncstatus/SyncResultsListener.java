package io.productsync.report.syncstatus;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topics;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.RecordBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Materializes sync-results into product_sync, one transaction per poll: a SKU's result (key {@code tenant/cart/sku}),
 * its tombstone (the SKU left the cart), or a cycle verdict (key {@code tenant/cart}, read by its event-type header).
 */
@Component
class SyncResultsListener {

    static final KeyedTopic<Object, Object> TOPIC =
            new KeyedTopic<>(Topics.SYNC_RESULTS, SyncResultsListener::parseKey, SyncResultsListener::keyOf);

    private final SyncResultWriter writer;
    private final ApplicationEventPublisher applied;

    SyncResultsListener(SyncResultWriter writer, ApplicationEventPublisher applied) {
        this.writer = writer;
        this.applied = applied;
    }

    // Batches sized by count and time: up to 5,000 records a poll, and a fetch waits up to 100 ms for 64 KB, so a
    // busy topic is written in large transactions and a lone result still lands within about 0.1 s. Two consumers by
    // default: one reads and parses while the other's batch is in PostgreSQL (writers of one cart queue: CartLocks).
    @KafkaListener(
            id = "sync-report-api-sync-results",
            topics = "#{T(io.productsync.events.Topics).SYNC_RESULTS.name()}",
            groupId = "sync-report-api",
            concurrency = "${productsync.report.results-consumers}",
            properties = {"max.poll.records=5000", "fetch.min.bytes=65536", "fetch.max.wait.ms=100"})
    void onResults(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.applyReadable(records, TOPIC, changes -> {
            writer.write(changes);
            applied.publishEvent(ResultsApplied.of(changes));
        });
    }

    private static Object parseKey(String key, Object value) {
        return value instanceof CartCycleVerified ? CartKey.parse(key) : CartSkuKey.parse(key);
    }

    private static String keyOf(Object value) {
        if (value instanceof CartCycleVerified verdict) {
            return verdict.key().value();
        }
        // The value's fields were checked when it was read: its key is joined, not built and checked again.
        SkuSyncEvaluated result = (SkuSyncEvaluated) value;
        return result.tenantId() + "/" + result.cartId() + "/" + result.sku();
    }
}
