package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import java.time.Instant;

/** A row of product_sync as the writer upserts it. */
record ProductSyncRow(CartSkuKey key, SkuSyncEvaluated result, Instant lastCartSyncDate) {

    /** UPDATED and VERIFIED move the sync date; NOT_SYNCED and FAILED keep whatever was there (null = never). */
    static ProductSyncRow of(SkuSyncEvaluated result) {
        return new ProductSyncRow(result.key(), result, result.outcome().synced() ? result.syncedAt() : null);
    }

    /** Two results for one SKU in a batch: the newer evaluation wins, the sync date only moves forward. */
    ProductSyncRow merge(SkuSyncEvaluated other) {
        SkuSyncEvaluated newer = other.evaluatedAt().isAfter(result.evaluatedAt()) ? other : result;
        return new ProductSyncRow(key, newer, latest(lastCartSyncDate, of(other).lastCartSyncDate));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
