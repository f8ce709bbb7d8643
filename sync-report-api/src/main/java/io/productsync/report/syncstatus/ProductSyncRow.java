package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import java.time.Instant;

/** A row of product_sync as the writer upserts it; {@code partition}: of sync-results, where its result was read. */
record ProductSyncRow(CartSkuKey key, SkuSyncEvaluated result, Instant lastCartSyncDate, int partition) {

    /**
     * The row of a result read under {@code key} (the listener has checked that they agree). UPDATED and VERIFIED
     * move the sync date; NOT_SYNCED and FAILED keep whatever was there (null = never).
     */
    static ProductSyncRow of(CartSkuKey key, SkuSyncEvaluated result, int partition) {
        return new ProductSyncRow(key, result, syncDate(result), partition);
    }

    /** Two results for one SKU in a batch: the newer evaluation wins, the sync date only moves forward. */
    ProductSyncRow merge(SkuSyncEvaluated other, int otherPartition) {
        boolean otherIsNewer = other.evaluatedAt().isAfter(result.evaluatedAt());
        return new ProductSyncRow(
                key,
                otherIsNewer ? other : result,
                latest(lastCartSyncDate, syncDate(other)),
                otherIsNewer ? otherPartition : partition);
    }

    private static Instant syncDate(SkuSyncEvaluated result) {
        return result.outcome().synced() ? result.syncedAt() : null;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
