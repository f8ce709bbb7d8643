package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the variants of one listing of the store into pages of cart items, whichever way they were read (pages or a
 * bulk file). A variant without SKU is skipped (counted per listing); a SKU without an {@code available} quantity at
 * the location is unreadable: never published as zero, never gone. A SKU on two or more variants is published with
 * {@code listings} (the matcher reports it {@code DUPLICATE_CART_SKU}; the push refuses it) and the quantity and flags
 * of its first variant in listing order that has an available quantity. Found again on a later page, it is published
 * again there with the higher count (same snapshot time: the matcher keeps the record with more listings).
 */
final class VariantListing {

    private static final Logger log = LoggerFactory.getLogger(VariantListing.class);

    private final ShopifySettings settings;
    private final VariantDirectory directory;
    private int withoutSku;
    private int notAtLocation;

    VariantListing(ShopifySettings settings, VariantDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /** Not thread-safe: one listing of a store runs at a time (the poller never overlaps snapshots of one source). */
    void start() {
        directory.startListing();
        withoutSku = 0;
        notAtLocation = 0;
    }

    /** The next page of this listing; a null {@code nextCursor} ends it. */
    Page<CartItem> page(List<ShopifyVariant> read, String nextCursor) {
        Map<String, CartItem> items = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        for (ShopifyVariant variant : read) {
            if (!variant.hasSku()) {
                withoutSku++;
                continue;
            }
            List<String> before = directory.recordListed(variant);
            if (!before.isEmpty()) {
                log.warn(
                        "shopify {}: SKU '{}' is on variants {} and {}: ambiguous, published as DUPLICATE_CART_SKU"
                                + " with the first variant's quantity, never pushed",
                        settings.shopDomain(),
                        variant.sku(),
                        String.join(", ", before),
                        variant.variantId());
            }
            if (variant.available() == null) {
                notAtLocation++;
            }
            CartItem first = directory.firstListed(variant.sku());
            if (first == null) {
                unreadable.add(variant.sku());
            } else {
                unreadable.remove(variant.sku());
                items.put(variant.sku(), first.listedTimes(directory.listings(variant.sku())));
            }
        }
        Page<CartItem> page = new Page<>(new ArrayList<>(items.values()), unreadable, nextCursor);
        if (page.isLast()) {
            directory.finishListing();
            log.info(
                    "shopify {}: listing read; {} variants without SKU skipped, {} variants without an available"
                            + " quantity at {}",
                    settings.shopDomain(),
                    withoutSku,
                    notAtLocation,
                    settings.locationId());
        }
        return page;
    }
}
