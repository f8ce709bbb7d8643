package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.system.Change;
import java.time.Instant;
import java.util.UUID;

/** Sync results for tests: tenant "acme", times in seconds after a fixed instant. */
final class Results {

    static final String TENANT = "acme";
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    /** A filter that lets every row through. */
    static final SyncFilter EVERY_ROW = new SyncFilter(null, null, null);

    private Results() {}

    /** A result as the listener reads it from sync-results. */
    static Change<CartSkuKey, SkuSyncEvaluated> change(SkuSyncEvaluated result) {
        return new Change<>(result.key(), result);
    }

    /** The SKU left the cart: a tombstone. */
    static Change<CartSkuKey, SkuSyncEvaluated> leftCart(String cart, String sku) {
        return new Change<>(new CartSkuKey(TENANT, cart, sku), null);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static SkuSyncEvaluated verified(String cart, String sku, long evaluatedAt) {
        return synced(SyncOutcome.VERIFIED, cart, sku, evaluatedAt, evaluatedAt);
    }

    static SkuSyncEvaluated synced(SyncOutcome outcome, String cart, String sku, long evaluatedAt, long syncedAt) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                cart,
                sku,
                true,
                outcome,
                null,
                null,
                sku,
                MatchedVia.SKU,
                5L,
                7L,
                outcome == SyncOutcome.UPDATED ? 7L : null,
                at(syncedAt),
                at(evaluatedAt));
    }

    static SkuSyncEvaluated notSynced(String cart, String sku, SyncReason reason, long evaluatedAt) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                cart,
                sku,
                reason != SyncReason.INVENTORY_DISABLED,
                SyncOutcome.NOT_SYNCED,
                reason,
                null,
                null,
                null,
                3L,
                null,
                null,
                null,
                at(evaluatedAt));
    }
}
