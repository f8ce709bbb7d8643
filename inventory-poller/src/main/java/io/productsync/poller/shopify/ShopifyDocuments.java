package io.productsync.poller.shopify;

import java.util.UUID;

/** The GraphQL documents the connector sends, written against the pinned Admin schema (2026-04). */
final class ShopifyDocuments {

    private static final String VARIANT_FIELDS = """
            nodes {
              id
              sku
              product { status }
              inventoryItem {
                id
                tracked
                inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } }
              }
            }
            """;

    /** One page of variants with what a {@code CartItem} needs, at one location. */
    static final GraphQlOperation READ_VARIANTS =
            new GraphQlOperation("productVariants", """
            query ProductVariants($first: Int!, $after: String, $location: ID!) {
              productVariants(first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
            """ + VARIANT_FIELDS + """
              }
            }
            """, 1000);

    /** The variants whose SKU matches a search ({@code sku:"..."}); exact equality is checked by the caller. */
    static final GraphQlOperation FIND_BY_SKU =
            new GraphQlOperation("productVariantsBySku", """
            query ProductVariantsBySku($query: String!, $location: ID!) {
              productVariants(first: 10, query: $query) {
            """ + VARIANT_FIELDS + """
              }
            }
            """, 50);

    /** The available quantity of one inventory item at one location, read after a stale compare-and-set. */
    static final GraphQlOperation ITEM_AVAILABLE = new GraphQlOperation("inventoryItem", """
            query InventoryItemAvailable($id: ID!, $location: ID!) {
              inventoryItem(id: $id) {
                id
                inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } }
              }
            }
            """, 5);

    /**
     * {@code inventorySetQuantities} under one idempotency key (a UUID, so it needs no escaping). The quantities go in
     * the variables, so one document serves one item or a batch of up to 250.
     */
    static GraphQlOperation setQuantities(UUID idempotencyKey) {
        return new GraphQlOperation("inventorySetQuantities", """
                mutation SetQuantities($input: InventorySetQuantitiesInput!) {
                  inventorySetQuantities(input: $input) @idempotent(key: "%s") {
                    inventoryAdjustmentGroup { changes { name delta quantityAfterChange } }
                    userErrors { code field message }
                  }
                }
                """.formatted(idempotencyKey), 10);
    }

    /** Shopify search syntax for one SKU, quoted so that spaces, colons and quotes in it stay part of the value. */
    static String skuSearch(String sku) {
        return "sku:\"" + sku.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private ShopifyDocuments() {}
}
