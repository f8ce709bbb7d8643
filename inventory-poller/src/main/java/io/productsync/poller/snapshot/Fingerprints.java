package io.productsync.poller.snapshot;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.WmsInventoryObserved;

/**
 * A 64-bit digest of what an observation says, every field but {@code eventId} and {@code observedAt} (tenant, source
 * and SKU are its key): equal digests mean nothing changed. Each step is SplitMix64's finalizer, a bijection, so a
 * WMS digest is exact and a cart digest collides with odds of about 2^-64 per change.
 */
final class Fingerprints {

    private Fingerprints() {}

    static long cart(CartInventoryObserved observed) {
        long flags = (observed.inventoryTracked() ? 1 : 0) | (observed.productActive() ? 2 : 0);
        return of(observed.quantity(), flags, observed.listings());
    }

    static long wms(WmsInventoryObserved observed) {
        return of(observed.available());
    }

    private static long of(long... values) {
        long digest = 0x9E3779B97F4A7C15L;
        for (long value : values) {
            digest = mix(digest ^ value);
        }
        return digest;
    }

    /** SplitMix64's finalizer: a bijection whose every output bit depends on every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
