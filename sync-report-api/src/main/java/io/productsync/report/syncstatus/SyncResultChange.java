package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One record of sync-results: a result, or ({@code result == null}) the SKU leaving the cart. */
record SyncResultChange(CartSkuKey key, SkuSyncEvaluated result) {

    static SyncResultChange of(SkuSyncEvaluated result) {
        return new SyncResultChange(result.key(), result);
    }

    static SyncResultChange leftCart(CartSkuKey key) {
        return new SyncResultChange(key, null);
    }

    /** The value names its own cart SKU; only a tombstone needs the record key. */
    static SyncResultChange read(ConsumerRecord<String, SkuSyncEvaluated> record) {
        return record.value() == null ? leftCart(CartSkuKey.parse(record.key())) : of(record.value());
    }
}
