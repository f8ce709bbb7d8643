package io.productsync.matcher.matching;

import io.productsync.events.PushCartInventory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The pushes in flight of one task, per {@code tenant/cart/sku}: no second push for the same target, the SKUs a cycle
 * verdict must leave out, and the pushes a cycle sends again because they were already pending at the previous one.
 */
final class PendingPushes {

    private static final StringSerializer PREFIX = new StringSerializer();

    private final KeyValueStore<String, PendingPush> store;
    private final StoreContents.Written written;

    PendingPushes(KeyValueStore<String, PendingPush> store) {
        this.store = store;
        this.written = new StoreContents.Written(store);
    }

    /** Whether to send this push: not if the same target is already pending (the cart has not answered yet). */
    boolean send(String cartSkuKey, PushCartInventory push, Instant lastCycle) {
        PendingPush pending = written.any() ? store.get(cartSkuKey) : null;
        if (pending != null && pending.command().targetQuantity() == push.targetQuantity()) {
            return false;
        }
        store.put(cartSkuKey, new PendingPush(push, lastCycle));
        written.wrote();
        return true;
    }

    /** A result or a removal answers whatever was pending (read first: most results have nothing to clear). */
    void clear(String cartSkuKey) {
        if (written.any() && store.get(cartSkuKey) != null) {
            store.delete(cartSkuKey);
        }
    }

    /** The SKUs of the cart with a push pending, at most {@code limit + 1} (one more tells the limit was passed). */
    List<String> skus(String cartKey, int limit) {
        String prefix = cartKey + "/";
        List<String> skus = new ArrayList<>();
        if (!written.any()) {
            return skus;
        }
        try (KeyValueIterator<String, PendingPush> pending = store.prefixScan(prefix, PREFIX)) {
            while (pending.hasNext() && skus.size() <= limit) {
                skus.add(pending.next().key.substring(prefix.length()));
            }
        }
        return skus;
    }

    /**
     * The cart's pushes that were pending at its previous cycle, each sent again with a new id for this cycle (the
     * applier drops a push id it has applied).
     */
    List<KeyValue<String, PushCartInventory>> dueAgain(String cartKey, Instant previous, Instant cycleAt, Instant now) {
        List<KeyValue<String, PushCartInventory>> due = new ArrayList<>();
        if (!written.any()) {
            return due;
        }
        try (KeyValueIterator<String, PendingPush> pending = store.prefixScan(cartKey + "/", PREFIX)) {
            pending.forEachRemaining(entry -> {
                if (entry.value.pendingAt(previous)) {
                    due.add(KeyValue.pair(entry.key, again(entry.value.command(), cycleAt, now)));
                }
            });
        }
        return due;
    }

    private static PushCartInventory again(PushCartInventory push, Instant cycleAt, Instant now) {
        UUID pushId = UUID.nameUUIDFromBytes((push.pushId() + ":" + cycleAt).getBytes(StandardCharsets.UTF_8));
        return new PushCartInventory(
                pushId,
                push.tenantId(),
                push.cartId(),
                push.sku(),
                push.expectedQuantity(),
                push.targetQuantity(),
                now,
                push.matchedWmsSku(),
                push.matchedVia(),
                push.wmsQuantity(),
                push.cartObservedAt());
    }
}
