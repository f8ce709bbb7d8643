package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads inventory items again by id, as a webhook names them, and answers what the cart holds now for their SKUs.
 * Only SKUs a listing has already seen on exactly one variant are answered: a SKU new to the connector waits for the
 * next poll, which also tracks it for removal, so a webhook can never leave a row that no later snapshot removes.
 */
final class ItemRefresh {

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final VariantDirectory directory;

    ItemRefresh(GraphQlClient client, ShopifySettings settings, VariantDirectory directory) {
        this.client = client;
        this.settings = settings;
        this.directory = directory;
    }

    /** At most {@link ShopifyDocuments#ITEMS_PER_READ} inventory item gids. */
    List<CartItem> read(List<String> inventoryItemIds) {
        if (inventoryItemIds.size() > ShopifyDocuments.ITEMS_PER_READ) {
            throw new IllegalArgumentException(
                    inventoryItemIds.size() + " items to read again, more than " + ShopifyDocuments.ITEMS_PER_READ);
        }
        JsonNode data = client.execute(
                ShopifyDocuments.ITEMS_BY_ID, Map.of("ids", inventoryItemIds, "location", settings.locationId()));
        List<CartItem> items = new ArrayList<>();
        for (JsonNode item : data.path("nodes")) {
            for (JsonNode node : item.path("variants").path("nodes")) {
                ShopifyVariant variant = ShopifyVariant.from(node);
                VariantDirectory.KnownSku known = variant.hasSku() ? directory.find(variant.sku()) : null;
                if (known != null
                        && directory.listings(variant.sku()) == 1
                        && known.inventoryItemId().equals(variant.inventoryItemId())
                        && variant.available() != null) {
                    items.add(variant.toCartItem());
                }
            }
        }
        return items;
    }
}
