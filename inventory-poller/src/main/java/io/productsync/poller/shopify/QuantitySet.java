package io.productsync.poller.shopify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One entry of {@code inventorySetQuantities}: set the item to {@code quantity} if it still holds {@code changeFrom}. */
record QuantitySet(String inventoryItemId, long quantity, long changeFrom) {

    /**
     * The mutation's {@code input}: {@code available}, reason {@code correction}, compare-and-set on every entry, and a
     * reference to the push. Takes a list: one mutation may carry up to 250 entries.
     */
    static Map<String, Object> input(String locationId, List<QuantitySet> sets, UUID pushKey) {
        if (sets.isEmpty() || sets.size() > ShopifySettings.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    sets.size() + " quantities in one mutation; 1 to " + ShopifySettings.MAX_PAGE_SIZE + " allowed");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("referenceDocumentUri", "gid://product-sync/Push/" + pushKey);
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
