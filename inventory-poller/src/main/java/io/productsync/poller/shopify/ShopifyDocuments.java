package io.productsync.poller.shopify;

import java.util.UUID;

/** The GraphQL documents the connector sends, written against the pinned Admin schema (2026-04). */
final class ShopifyDocuments {

    private static final String VARIANT_FIELDS = "nodes {\n" + variantFields("$location") + "}\n";

    /** What a {@code CartItem} needs of one variant, at {@code location} (a variable or a literal). */
    private static String variantFields(String location) {
        return """
                id
                sku
                product { status }
                inventoryItem {
                  id
                  tracked
                  inventoryLevel(locationId: %s) { quantities(names: ["available"]) { name quantity } }
                }
                """.formatted(location);
    }

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

    /** How many variants the store has, counted up to {@code $limit} (precision AT_LEAST when it stopped there). */
    static final GraphQlOperation COUNT_VARIANTS = new GraphQlOperation("productVariantsCount", """
            query ProductVariantsCount($limit: Int) {
              productVariantsCount(limit: $limit) { count precision }
            }
            """, 5);

    /**
     * Starts a bulk query (its document is a variable, a string). Ungrouped output: faster on Shopify's side, and each
     * row of {@link #bulkVariants} is a whole variant, so no row waits for its parent.
     */
    static final GraphQlOperation RUN_BULK_QUERY = new GraphQlOperation("bulkOperationRunQuery", """
            mutation RunBulkQuery($query: String!) {
              bulkOperationRunQuery(query: $query, groupObjects: false) {
                bulkOperation { id status }
                userErrors { code field message }
              }
            }
            """, 10);

    /** The state of one bulk operation; {@code url} (a signed link, a secret) once COMPLETED. */
    static final GraphQlOperation BULK_OPERATION = new GraphQlOperation("bulkOperation", """
            query BulkOperation($id: ID!) {
              bulkOperation(id: $id) { id status errorCode objectCount url }
            }
            """, 5);

    /**
     * The bulk form of {@link #READ_VARIANTS}: the same fields, every variant, one connection. A bulk query takes no
     * variables, so the location is written in (a checked {@code gid://shopify/Location/<n>}, nothing to escape).
     */
    static String bulkVariants(String locationId) {
        return "{\n  productVariants {\n    edges {\n      node {\n"
                + variantFields("\"" + locationId + "\"").indent(8)
                + "      }\n    }\n  }\n}\n";
    }

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
                    inventoryAdjustmentGroup { changes { name delta quantityAfterChange item { id } } }
                    userErrors { code field message }
                  }
                }
                """.formatted(idempotencyKey), 10);
    }

    /** At most this many inventory items are read again in one {@link #ITEMS_BY_ID}. */
    static final int ITEMS_PER_READ = 50;

    /** Inventory items named by a webhook, read again with what a {@code CartItem} needs of their variants. */
    static final GraphQlOperation ITEMS_BY_ID =
            new GraphQlOperation("nodes", """
            query InventoryItemsById($ids: [ID!]!, $location: ID!) {
              nodes(ids: $ids) {
                ... on InventoryItem {
                  variants(first: 2) {
            """ + VARIANT_FIELDS.indent(6) + """
                  }
                }
              }
            }
            """, 250);

    /** The store's subscriptions to the topics the connector uses. */
    static final GraphQlOperation WEBHOOK_SUBSCRIPTIONS = new GraphQlOperation("webhookSubscriptions", """
            query WebhookSubscriptions($topics: [WebhookSubscriptionTopic!]) {
              webhookSubscriptions(first: 100, topics: $topics) { nodes { id topic uri } }
            }
            """, 10);

    /** Subscribes {@code $uri} to one topic, JSON payloads. */
    static final GraphQlOperation CREATE_WEBHOOK_SUBSCRIPTION =
            new GraphQlOperation("webhookSubscriptionCreate", """
            mutation CreateWebhookSubscription($topic: WebhookSubscriptionTopic!, $uri: String!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
                webhookSubscription { id topic uri }
                userErrors { field message }
              }
            }
            """, 10);

    /** Shopify search syntax for one SKU, quoted so that spaces, colons and quotes in it stay part of the value. */
    static String skuSearch(String sku) {
        return "sku:\"" + sku.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private ShopifyDocuments() {}
}
