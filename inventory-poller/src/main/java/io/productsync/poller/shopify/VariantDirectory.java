package io.productsync.poller.shopify;

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

    /** The item and every variant (more than one: ambiguous) carrying one SKU. */
    record KnownSku(String inventoryItemId, List<String> variantIds) {

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

    /** What the current listing knows of the SKU, else the last complete listing or lookup; null if never seen. */
    KnownSku find(String sku) {
        KnownSku known = listing.get(sku);
        return known != null ? known : complete.get(sku);
    }

    /** Ambiguous in this listing so far, or in the last complete one (until this listing completes). */
    boolean ambiguous(String sku) {
        KnownSku now = listing.get(sku);
        KnownSku before = complete.get(sku);
        return (now != null && now.ambiguous()) || (before != null && before.ambiguous());
    }

    void forget(String sku) {
        listing.remove(sku);
        complete.remove(sku);
    }

    private static List<String> record(Map<String, KnownSku> map, ShopifyVariant variant) {
        List<String> before = new ArrayList<>();
        map.compute(variant.sku(), (sku, known) -> {
            if (known == null) {
                return new KnownSku(variant.inventoryItemId(), List.of(variant.variantId()));
            }
            if (known.variantIds().contains(variant.variantId())) {
                return known;
            }
            before.addAll(known.variantIds());
            List<String> ids = new ArrayList<>(known.variantIds());
            ids.add(variant.variantId());
            return new KnownSku(known.inventoryItemId(), List.copyOf(ids));
        });
        return before;
    }
}
