package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the variants of one listing of the store into pages of cart items, whichever way they were read (pages or a
 * bulk file). A variant without SKU is skipped (counted per listing); a SKU on two variants, or without an
 * {@code available} quantity at the location, is unreadable: never published as zero, never gone.
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
        List<ShopifyVariant> variants = new ArrayList<>();
        for (ShopifyVariant variant : read) {
            if (!variant.hasSku()) {
                withoutSku++;
                continue;
            }
            List<String> before = directory.recordListed(variant);
            if (!before.isEmpty()) {
                log.warn(
                        "shopify {}: SKU '{}' is on variants {} and {}: ambiguous, neither published nor pushed",
                        settings.shopDomain(),
                        variant.sku(),
                        String.join(", ", before),
                        variant.variantId());
            }
            variants.add(variant);
        }
        Page<CartItem> page = toPage(variants, nextCursor);
        if (page.isLast()) {
            directory.finishListing();
            log.info(
                    "shopify {}: listing read; {} variants without SKU skipped, {} SKUs without an available quantity"
                            + " at {}",
                    settings.shopDomain(),
                    withoutSku,
                    notAtLocation,
                    settings.locationId());
        }
        return page;
    }

    private Page<CartItem> toPage(List<ShopifyVariant> variants, String nextCursor) {
        List<CartItem> items = new ArrayList<>();
        Set<String> unreadable = new LinkedHashSet<>();
        for (ShopifyVariant variant : variants) {
            if (directory.ambiguous(variant.sku())) {
                unreadable.add(variant.sku());
            } else if (variant.available() == null) {
                notAtLocation++;
                unreadable.add(variant.sku());
            } else {
                items.add(variant.toCartItem());
            }
        }
        return new Page<>(items, unreadable, nextCursor);
    }
}
