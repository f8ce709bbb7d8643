package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads the store's variants page by page into cart items. A variant without SKU is skipped (counted per listing); a
 * SKU on two variants, or without an {@code available} quantity at the location, is unreadable: never published as
 * zero, never gone.
 */
final class VariantPages {

    private static final Logger log = LoggerFactory.getLogger(VariantPages.class);

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final VariantDirectory directory;
    private int withoutSku;
    private int notAtLocation;

    VariantPages(GraphQlClient client, ShopifySettings settings, VariantDirectory directory) {
        this.client = client;
        this.settings = settings;
        this.directory = directory;
    }

    /** Not thread-safe: one listing of a store runs at a time (the poller never overlaps snapshots of one source). */
    Page<CartItem> read(String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", settings.pageSize());
        variables.put("after", cursor);
        variables.put("location", settings.locationId());
        JsonNode connection =
                client.execute(ShopifyDocuments.READ_VARIANTS, variables).path("productVariants");
        if (cursor == null) {
            directory.startListing();
            withoutSku = 0;
            notAtLocation = 0;
        }
        List<ShopifyVariant> variants = new ArrayList<>();
        for (JsonNode node : connection.path("nodes")) {
            ShopifyVariant variant = ShopifyVariant.from(node);
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
        Page<CartItem> page = page(variants, nextCursor(connection.path("pageInfo")));
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

    private Page<CartItem> page(List<ShopifyVariant> variants, String nextCursor) {
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

    private static String nextCursor(JsonNode pageInfo) {
        if (!pageInfo.path("hasNextPage").asBoolean(false)) {
            return null;
        }
        String cursor = pageInfo.path("endCursor").asString(null);
        if (cursor == null || cursor.isEmpty()) {
            throw new ConnectorException("shopify productVariants said hasNextPage without an endCursor");
        }
        return cursor;
    }
}
