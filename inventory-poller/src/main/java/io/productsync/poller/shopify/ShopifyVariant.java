package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import tools.jackson.databind.JsonNode;

/**
 * One product variant as read: ids stay the GraphQL ids (strings), {@code available} is null when the item has no
 * {@code available} quantity at the location (not stocked there): unknown, not zero.
 */
record ShopifyVariant(
        String variantId, String sku, boolean productActive, String inventoryItemId, boolean tracked, Long available) {

    static ShopifyVariant from(JsonNode node) {
        JsonNode item = node.path("inventoryItem");
        return new ShopifyVariant(
                node.path("id").asString(),
                node.path("sku").isString() ? node.path("sku").asString().strip() : "",
                "ACTIVE".equals(node.path("product").path("status").asString("")),
                item.path("id").asString(),
                item.path("tracked").asBoolean(false),
                available(item.path("inventoryLevel")));
    }

    /** The {@code available} quantity in a level's {@code quantities}, or null if the level or the name is missing. */
    static Long available(JsonNode level) {
        for (JsonNode quantity : level.path("quantities")) {
            if ("available".equals(quantity.path("name").asString(""))
                    && quantity.path("quantity").isIntegralNumber()) {
                return quantity.path("quantity").asLong();
            }
        }
        return null;
    }

    boolean hasSku() {
        return !sku.isEmpty();
    }

    CartItem toCartItem() {
        return new CartItem(sku, tracked, productActive, available);
    }
}
