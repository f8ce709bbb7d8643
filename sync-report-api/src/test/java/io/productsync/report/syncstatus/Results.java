package io.productsync.report.syncstatus;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.system.Change;
import java.time.Instant;
import java.util.List;
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

    /** A result as the listener reads it from that partition of sync-results. */
    static Change<CartSkuKey, SkuSyncEvaluated> change(SkuSyncEvaluated result, int partition) {
        return new Change<>(result.key(), result, partition);
    }

    /** The matcher's verdict on the cart's SKUs of one partition for the cycle of {@code cycleAt}. */
    static Change<CartKey, CartCycleVerified> verdict(String cart, int partition, long cycleAt, String... unverified) {
        CartCycleVerified verdict = new CartCycleVerified(
                UUID.randomUUID(),
                TENANT,
                cart,
                at(cycleAt),
                at(cycleAt + 2),
                partition,
                List.of(unverified),
                at(cycleAt + 3));
        return new Change<>(verdict.key(), verdict, partition);
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

    static SkuSyncEvaluated failed(String cart, String sku, long evaluatedAt) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                cart,
                sku,
                true,
                SyncOutcome.FAILED,
                SyncReason.CART_REJECTED,
                "rejected",
                sku,
                MatchedVia.SKU,
                5L,
                7L,
                7L,
                null,
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
