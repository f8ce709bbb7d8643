package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which inventory item and variants carry each SKU, learnt from reads, so that a push can address the item. A listing
 * fills a new map that replaces the last complete one when it reaches its end, so SKUs gone from the store are
 * forgotten. A SKU on two variants is ambiguous: it stays so until a complete listing shows it on one variant only.
 */
final class VariantDirectory {

    /**
     * The item and every variant (more than one: ambiguous) carrying one SKU, and the cart item of the first of them
     * with an {@code available} quantity at the location (null while none has one).
     */
    record KnownSku(String inventoryItemId, List<String> variantIds, CartItem first) {

        boolean ambiguous() {
            return variantIds.size() > 1;
        }
    }

    private volatile Map<String, KnownSku> complete = new ConcurrentHashMap<>();
    private volatile Map<String, KnownSku> listing = new ConcurrentHashMap<>();

    void startListing() {
        listing = new ConcurrentHashMap<>();
    }

    void finishListing() {
        complete = listing;
        listing = new ConcurrentHashMap<>();
    }

    /**
     * Records a variant seen by the current listing; returns the variant ids that already carried its SKU in this
     * listing (empty for the first).
     */
    List<String> recordListed(ShopifyVariant variant) {
        return record(listing, variant);
    }

    /** Records a variant found by a SKU lookup, outside any listing. */
    void recordFound(ShopifyVariant variant) {
        record(complete, variant);
    }

    /**
     * What the current listing knows of the SKU, else the last complete listing or lookup; null if never seen. A SKU
     * the last complete listing found ambiguous stays so while this listing has seen it on one variant only.
     */
    KnownSku find(String sku) {
        KnownSku now = listing.get(sku);
        KnownSku before = complete.get(sku);
        if (now == null) {
            return before;
        }
        return before != null && before.ambiguous() && !now.ambiguous() ? before : now;
    }

    /**
     * On how many variants the SKU is: the more of this listing so far and the last complete one (until this listing
     * completes), so a SKU found ambiguous is reported so from the first page of the next listing on, and within one
     * listing the count never goes down.
     */
    int listings(String sku) {
        KnownSku now = listing.get(sku);
        KnownSku before = complete.get(sku);
        return Math.max(
                now == null ? 0 : now.variantIds().size(),
                before == null ? 0 : before.variantIds().size());
    }

    /** The cart item of the first variant of this listing with the SKU and an available quantity; null if none. */
    CartItem firstListed(String sku) {
        KnownSku now = listing.get(sku);
        return now == null ? null : now.first();
    }

    void forget(String sku) {
        listing.remove(sku);
        complete.remove(sku);
    }

    private static List<String> record(Map<String, KnownSku> map, ShopifyVariant variant) {
        CartItem item = variant.available() == null ? null : variant.toCartItem();
        List<String> before = new ArrayList<>();
        map.compute(variant.sku(), (sku, known) -> {
            if (known == null) {
                return new KnownSku(variant.inventoryItemId(), List.of(variant.variantId()), item);
            }
            if (known.variantIds().contains(variant.variantId())) {
                return known;
            }
            before.addAll(known.variantIds());
            List<String> ids = new ArrayList<>(known.variantIds());
            ids.add(variant.variantId());
            return new KnownSku(
                    known.inventoryItemId(), List.copyOf(ids), known.first() != null ? known.first() : item);
        });
        return before;
    }
}
