package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the store's variants a page of {@code productVariants} at a time (the read of stores up to the threshold). */
final class VariantPages {

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final VariantListing listing;

    VariantPages(GraphQlClient client, ShopifySettings settings, VariantListing listing) {
        this.client = client;
        this.settings = settings;
        this.listing = listing;
    }

    /** A null cursor starts a new listing. */
    Page<CartItem> read(String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", settings.pageSize());
        variables.put("after", cursor);
        variables.put("location", settings.locationId());
        JsonNode connection =
                client.execute(ShopifyDocuments.READ_VARIANTS, variables).path("productVariants");
        if (cursor == null) {
            listing.start();
        }
        List<ShopifyVariant> variants = new ArrayList<>();
        for (JsonNode node : connection.path("nodes")) {
            variants.add(ShopifyVariant.from(node));
        }
        return listing.page(variants, nextCursor(connection.path("pageInfo")));
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
