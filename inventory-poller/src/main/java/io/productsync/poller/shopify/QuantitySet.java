package io.productsync.poller.shopify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One entry of {@code inventorySetQuantities}: set the item to {@code quantity} if it still holds {@code changeFrom}. */
record QuantitySet(String inventoryItemId, long quantity, long changeFrom) {

    /** Shopify refuses a mutation with more quantities ({@code MAX_INPUT_SIZE_EXCEEDED}). */
    static final int MAX_PER_MUTATION = 250;

    /**
     * The mutation's {@code input}: {@code available}, reason {@code correction}, compare-and-set on every entry, and a
     * reference to the batch of pushes (its idempotency key).
     */
    static Map<String, Object> input(String locationId, List<QuantitySet> sets, UUID batchKey) {
        if (sets.isEmpty() || sets.size() > MAX_PER_MUTATION) {
            throw new IllegalArgumentException(
                    sets.size() + " quantities in one mutation; 1 to " + MAX_PER_MUTATION + " allowed");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("referenceDocumentUri", "gid://product-sync/PushBatch/" + batchKey);
        input.put(
                "quantities",
                sets.stream()
                        .map(set -> Map.<String, Object>of(
                                "inventoryItemId", set.inventoryItemId(),
                                "locationId", locationId,
                                "quantity", set.quantity(),
                                "changeFromQuantity", set.changeFrom()))
                        .toList());
        return input;
    }
}
