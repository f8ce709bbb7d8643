package io.productsync.matcher.matching;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each cart's last {@code cycleAt} seen by this task, per {@code tenant/cart}. Read for every decision and written
 * once per cycle, so it is also kept in memory: a task holds few carts, and only its matcher writes the store.
 */
final class CartCycles {

    private final KeyValueStore<String, Instant> store;
    private final Map<String, Optional<Instant>> lastCycles = new HashMap<>();

    CartCycles(KeyValueStore<String, Instant> store) {
        this.store = store;
    }

    /** The cart's last cycle, or null before any. */
    Instant last(String cartKey) {
        return lastCycles
                .computeIfAbsent(cartKey, key -> Optional.ofNullable(store.get(key)))
                .orElse(null);
    }

    void record(String cartKey, Instant cycleAt) {
        store.put(cartKey, cycleAt);
        lastCycles.put(cartKey, Optional.of(cycleAt));
    }
}
