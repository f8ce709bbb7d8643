package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topics;
import io.productsync.report.system.Change;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.RecordBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Materializes sync-results into product_sync, one transaction per poll; a tombstone: the SKU left the cart. */
@Component
class SyncResultsListener {

    static final KeyedTopic<CartSkuKey, SkuSyncEvaluated> TOPIC = new KeyedTopic<>(
            Topics.SYNC_RESULTS, CartSkuKey::parse, result -> result.key().value());

    private final SyncResultWriter writer;
    private final ApplicationEventPublisher applied;

    SyncResultsListener(SyncResultWriter writer, ApplicationEventPublisher applied) {
        this.writer = writer;
        this.applied = applied;
    }

    @KafkaListener(
            id = "sync-report-api-sync-results",
            topics = "#{T(io.productsync.events.Topics).SYNC_RESULTS.name()}",
            groupId = "sync-report-api")
    void onResults(List<ConsumerRecord<String, SkuSyncEvaluated>> records) {
        RecordBatches.applyReadable(records, TOPIC, changes -> {
            writer.write(changes);
            applied.publishEvent(
                    new ResultsApplied(changes.stream().map(Change::key).toList()));
        });
    }
}
