package io.productsync.matcher.matching;

import io.productsync.events.CartInventoryObserved;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's cart SKUs with their out-of-order guard: the newest observation per {@code tenant/cart/sku} wins (at the
 * same time, the one finding more listings of the SKU), and a removal is kept as "gone at t" so a late older
 * observation cannot bring the SKU back.
 */
final class CartStore {

    private static final StringSerializer PREFIX = new StringSerializer();

    private final KeyValueStore<String, CartHeld> store;

    CartStore(KeyValueStore<String, CartHeld> store) {
        this.store = store;
    }

    /** Stores the observation if it wins over what is held; false if it is dropped. */
    boolean observe(String key, CartInventoryObserved observation) {
        CartHeld held = store.get(key);
        if (!Seen.admits(
                held == null ? null : held.seen(), observation.observedAt().toEpochMilli(), observation.listings())) {
            return false;
        }
        store.put(key, CartHeld.observed(observation));
        return true;
    }

    /** Marks the SKU gone at {@code at} unless what is held is newer; true if a held SKU left. */
    boolean remove(String key, long at) {
        CartHeld held = store.get(key);
        if (!Seen.admitsRemoval(held == null ? null : held.seen(), at)) {
            return false;
        }
        store.put(key, CartHeld.goneAt(at));
        return held != null && !held.gone();
    }

    /** The SKU's observation, or null if it is unknown or gone. */
    CartInventoryObserved held(String key) {
        CartHeld held = store.get(key);
        return held == null || held.gone() ? null : held.observation();
    }

    /** Removes and returns what is held of the SKU (an observation or since when it is gone), or null. */
    CartHeld take(String key) {
        CartHeld held = store.get(key);
        if (held != null) {
            store.delete(key);
        }
        return held;
    }

    /** Every SKU the cart ({@code tenant/cart}) holds in this task. */
    List<KeyValue<String, CartInventoryObserved>> heldSkus(String cartKey) {
        List<KeyValue<String, CartInventoryObserved>> held = new ArrayList<>();
        try (KeyValueIterator<String, CartHeld> skus = store.prefixScan(cartKey + "/", PREFIX)) {
            skus.forEachRemaining(entry -> {
                if (!entry.value.gone()) {
                    held.add(KeyValue.pair(entry.key, entry.value.observation()));
                }
            });
        }
        return held;
    }
}
