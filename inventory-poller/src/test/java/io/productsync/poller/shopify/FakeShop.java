package io.productsync.poller.shopify;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store behind {@link ShopifyFake}: variants, their inventory items and levels per location, the idempotency
 * store. Answers the fields the connector uses the way 2026-04 does, including what the schema cannot enforce.
 */
public final class FakeShop {

    public static final String LOCATION = "gid://shopify/Location/124656943";
    // Above 2^53, like real ids: a client parsing them as doubles would lose the last digits.
    private static final long FIRST_ID = 9_007_199_254_740_993L;
    private static final Pattern SKU_SEARCH = Pattern.compile("sku:(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");

    public record Variant(long id, String sku, String productStatus, long itemId, boolean tracked) {

        String gid() {
            return "gid://shopify/ProductVariant/" + id;
        }

        String itemGid() {
            return "gid://shopify/InventoryItem/" + itemId;
        }
    }

    private record Remembered(Map<String, Object> input, Object result) {}

    private final TreeMap<Long, Variant> variants = new TreeMap<>();
    private final Map<String, Map<String, Long>> levels = new HashMap<>();
    private final Map<String, Remembered> idempotency = new HashMap<>();
    private long nextId = FIRST_ID;
    private int mutationsApplied;
    private int itemReads;
    private boolean appliesTheRestOfAFailedBatch;

    /** A variant of an ACTIVE product, tracked, stocked at {@link #LOCATION} with {@code available}. */
    public synchronized Variant add(String sku, long available) {
        return add(sku, "ACTIVE", true, available);
    }

    /** {@code available} null: not stocked at {@link #LOCATION}. */
    public synchronized Variant add(String sku, String productStatus, boolean tracked, Long available) {
        Variant variant = new Variant(nextId++, sku, productStatus, nextId++, tracked);
        variants.put(variant.id(), variant);
        Map<String, Long> itemLevels = new HashMap<>();
        if (available != null) {
            itemLevels.put(LOCATION, available);
        }
        levels.put(variant.itemGid(), itemLevels);
        return variant;
    }

    /** A change made in the store's admin, not through the API. */
    public synchronized void setAvailable(Variant variant, long available) {
        levels.get(variant.itemGid()).put(LOCATION, available);
    }

    /** A product's status changed in the admin (ACTIVE, DRAFT, ARCHIVED), for this variant. */
    public synchronized Variant setProductStatus(Variant variant, String status) {
        Variant changed = new Variant(variant.id(), variant.sku(), status, variant.itemId(), variant.tracked());
        variants.put(variant.id(), changed);
        return changed;
    }

    public synchronized Long available(Variant variant) {
        return levels.get(variant.itemGid()).get(LOCATION);
    }

    synchronized void remove(Variant variant) {
        variants.remove(variant.id());
        levels.remove(variant.itemGid());
    }

    /** {@code nodes(ids:)} queries answered: the reads webhooks cause. */
    public synchronized int itemReads() {
        return itemReads;
    }

    synchronized int mutationsApplied() {
        return mutationsApplied;
    }

    /**
     * Whether a mutation with a failing entry still applies its other entries. Shopify does not document which it
     * does, so the connector is tested against both; the default is all or nothing.
     */
    synchronized void appliesTheRestOfAFailedBatch(boolean applies) {
        appliesTheRestOfAFailedBatch = applies;
    }

    synchronized Object productVariants(DataFetchingEnvironment environment) {
        // a bulk query reads every variant, a window at a time, whatever its arguments say
        FakeBulkOperations.Window window = environment.getGraphQlContext().get(FakeBulkOperations.Window.class);
        Integer first = window != null ? window.size() : environment.getArgument("first");
        if (first == null) {
            return error(environment, "you must provide one of first or last", "BAD_REQUEST");
        }
        if (first < 0 || first > ShopifySettings.MAX_PAGE_SIZE) {
            return error(environment, "The first argument must be between 0 and 250, got " + first, "BAD_REQUEST");
        }
        long afterId = window != null ? window.afterId() : FIRST_ID - 1;
        String after = window != null ? null : environment.getArgument("after");
        if (after != null) {
            Long decoded = cursorId(after);
            if (decoded == null) {
                return error(environment, "Invalid cursor for current pagination sort.", "BAD_REQUEST");
            }
            afterId = decoded;
        }
        String sku = skuFilter(environment.getArgument("query"));
        List<Variant> page = new ArrayList<>();
        boolean more = false;
        for (Variant variant : variants.tailMap(afterId, false).values()) {
            if (sku != null && !sku.equals(variant.sku())) {
                continue;
            }
            if (page.size() == first) {
                more = true;
                break;
            }
            page.add(variant);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", more);
        pageInfo.put("hasPreviousPage", after != null);
        pageInfo.put("startCursor", page.isEmpty() ? null : cursor(page.get(0)));
        pageInfo.put("endCursor", page.isEmpty() ? null : cursor(page.get(page.size() - 1)));
        List<Map<String, Object>> nodes = page.stream().map(this::node).toList();
        List<Map<String, Object>> edges = page.stream()
                .map(variant -> Map.<String, Object>of("cursor", cursor(variant), "node", node(variant)))
                .toList();
        return Map.of("pageInfo", pageInfo, "nodes", nodes, "edges", edges);
    }

    /** {@code productVariantsCount(limit:)}: counts up to the limit (default 10,000, null for none). */
    synchronized Object productVariantsCount(DataFetchingEnvironment environment) {
        Integer limit = environment.getArgument("limit");
        boolean capped = limit != null && variants.size() > limit;
        return Map.of("count", capped ? limit : variants.size(), "precision", capped ? "AT_LEAST" : "EXACT");
    }

    /** The ids of every variant in the order the reads list them, for a bulk query to step through. */
    synchronized List<Long> variantIds() {
        return List.copyOf(variants.keySet());
    }

    synchronized Object inventoryItem(DataFetchingEnvironment environment) {
        String id = environment.getArgument("id");
        return variants.values().stream()
                .filter(variant -> variant.itemGid().equals(id))
                .findFirst()
                .map(this::item)
                .orElse(null);
    }

    /** {@code nodes(ids:)}: the inventory items among the ids (null for an id it does not hold, as Shopify). */
    synchronized Object nodes(DataFetchingEnvironment environment) {
        List<String> ids = environment.getArgument("ids");
        itemReads++;
        if (ids.size() > ShopifySettings.MAX_PAGE_SIZE) {
            return error(environment, "The ids argument takes at most 250 ids, got " + ids.size(), "BAD_REQUEST");
        }
        List<Object> nodes = new ArrayList<>();
        for (String id : ids) {
            nodes.add(variants.values().stream()
                    .filter(variant -> variant.itemGid().equals(id))
                    .findFirst()
                    .map(this::item)
                    .orElse(null));
        }
        return nodes;
    }

    /** {@code InventoryItem.variants}: the variant that carries the item. */
    synchronized Object itemVariants(DataFetchingEnvironment environment) {
        Map<String, Object> item = environment.getSource();
        List<Map<String, Object>> nodes = variants.values().stream()
                .filter(variant -> variant.itemGid().equals(item.get("id")))
                .map(this::node)
                .toList();
        return Map.of("nodes", nodes, "edges", List.of());
    }

    synchronized Object inventoryLevel(DataFetchingEnvironment environment) {
        Map<String, Object> item = environment.getSource();
        String location = environment.getArgument("locationId");
        Map<String, Long> itemLevels = levels.get((String) item.get("id"));
        Long available = itemLevels == null ? null : itemLevels.get(location);
        if (available == null) {
            return null;
        }
        return Map.of("id", "gid://shopify/InventoryLevel/" + item.get("id").hashCode(), "available", available);
    }

    static Object quantities(DataFetchingEnvironment environment) {
        Map<String, Object> level = environment.getSource();
        List<String> names = environment.getArgument("names");
        return names.stream()
                .filter(name -> name.equals("available") || name.equals("on_hand"))
                .map(name -> Map.of("id", name, "name", name, "quantity", level.get("available")))
                .toList();
    }

    /**
     * {@code inventorySetQuantities} as 2026-04: @idempotent and changeFromQuantity required; a failing entry stops the
     * whole mutation unless {@link #appliesTheRestOfAFailedBatch}.
     */
    synchronized Object setQuantities(DataFetchingEnvironment environment) {
        String key = idempotencyKey(environment);
        if (key == null) {
            return error(environment, "The @idempotent directive is required for this mutation.", "BAD_REQUEST");
        }
        Map<String, Object> input = environment.getArgument("input");
        List<Map<String, Object>> quantities = quantities(input);
        if (quantities.size() > ShopifySettings.MAX_PAGE_SIZE) {
            return error(
                    environment,
                    "The input array size of " + quantities.size() + " is greater than the maximum allowed of 250.",
                    "MAX_INPUT_SIZE_EXCEEDED");
        }
        for (Map<String, Object> quantity : quantities) {
            if (!quantity.containsKey("changeFromQuantity")) {
                return error(
                        environment,
                        "changeFromQuantity is required: pass the quantity you expect, or null to skip the check.",
                        "BAD_REQUEST");
            }
        }
        Remembered remembered = idempotency.get(key);
        if (remembered != null) {
            return remembered.input().equals(input)
                    ? remembered.result()
                    : payload(
                            null,
                            List.of(userError(
                                    "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
                                    null,
                                    "The same idempotency key was used with different parameters.")));
        }
        Object result = apply(input, quantities);
        idempotency.put(key, new Remembered(input, result));
        return result;
    }

    private Object apply(Map<String, Object> input, List<Map<String, Object>> quantities) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!"available".equals(input.get("name")) && !"on_hand".equals(input.get("name"))) {
            return payload(
                    null,
                    List.of(userError(
                            "INVALID_NAME", List.of("input", "name"), "The quantity name must be available.")));
        }
        List<Map<String, Object>> valid = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            Map<String, Object> quantity = quantities.get(i);
            List<String> field = List.of("input", "quantities", String.valueOf(i));
            Map<String, Long> itemLevels = levels.get((String) quantity.get("inventoryItemId"));
            if (itemLevels == null) {
                errors.add(
                        userError("INVALID_INVENTORY_ITEM", field, "The specified inventory item could not be found."));
            } else if (!itemLevels.containsKey((String) quantity.get("locationId"))) {
                errors.add(userError(
                        "ITEM_NOT_STOCKED_AT_LOCATION", field, "The item is not stocked at the specified location."));
            } else if (quantity.get("changeFromQuantity") != null
                    && !Objects.equals(
                            ((Number) quantity.get("changeFromQuantity")).longValue(),
                            itemLevels.get((String) quantity.get("locationId")))) {
                errors.add(userError(
                        "CHANGE_FROM_QUANTITY_STALE",
                        List.of("input", "quantities", String.valueOf(i), "changeFromQuantity"),
                        "The changeFromQuantity value does not match persisted value."));
            } else {
                valid.add(quantity);
            }
        }
        if (!errors.isEmpty() && !appliesTheRestOfAFailedBatch) {
            return payload(null, errors);
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map<String, Object> quantity : valid) {
            Map<String, Long> itemLevels = levels.get((String) quantity.get("inventoryItemId"));
            String location = (String) quantity.get("locationId");
            long after = ((Number) quantity.get("quantity")).longValue();
            long delta = after - itemLevels.put(location, after);
            if (delta != 0) {
                changes.add(Map.of(
                        "name",
                        input.get("name"),
                        "delta",
                        delta,
                        "quantityAfterChange",
                        after,
                        "item",
                        Map.of("id", quantity.get("inventoryItemId"))));
            }
        }
        if (!valid.isEmpty()) {
            mutationsApplied++;
        }
        return payload(changes.isEmpty() ? null : Map.of("changes", changes, "reason", input.get("reason")), errors);
    }

    private Map<String, Object> node(Variant variant) {
        return Map.of(
                "id", variant.gid(),
                "sku", variant.sku(),
                "legacyResourceId", String.valueOf(variant.id()),
                "product", Map.of("status", variant.productStatus()),
                "inventoryItem", item(variant));
    }

    private Map<String, Object> item(Variant variant) {
        return Map.of(
                "__typename",
                "InventoryItem",
                "id",
                variant.itemGid(),
                "sku",
                variant.sku(),
                "tracked",
                variant.tracked());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> quantities(Map<String, Object> input) {
        return (List<Map<String, Object>>) input.get("quantities");
    }

    private static String idempotencyKey(DataFetchingEnvironment environment) {
        List<Directive> directives = environment.getField().getDirectives("idempotent");
        if (directives.isEmpty() || directives.get(0).getArgument("key") == null) {
            return null;
        }
        var value = directives.get(0).getArgument("key").getValue();
        if (value instanceof StringValue string) {
            return string.getValue();
        }
        if (value instanceof VariableReference variable) {
            return (String) environment.getVariables().get(variable.getName());
        }
        return null;
    }

    private static Map<String, Object> payload(Object group, List<Map<String, Object>> userErrors) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("inventoryAdjustmentGroup", group);
        payload.put("userErrors", userErrors);
        return payload;
    }

    private static Map<String, Object> userError(String code, List<String> field, String message) {
        Map<String, Object> error = new HashMap<>();
        error.put("code", code);
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static DataFetcherResult<Object> error(DataFetchingEnvironment environment, String message, String code) {
        return DataFetcherResult.newResult()
                .error(GraphqlErrorBuilder.newError(environment)
                        .message(message)
                        .extensions(Map.of("code", code))
                        .build())
                .build();
    }

    private static String cursor(Variant variant) {
        return Base64.getEncoder()
                .encodeToString(("{\"last_id\":" + variant.id() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Long cursorId(String cursor) {
        try {
            String json = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            Matcher matcher = Pattern.compile("\\{\"last_id\":(\\d+)}").matcher(json);
            return matcher.matches() ? Long.parseLong(matcher.group(1)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String skuFilter(String query) {
        if (query == null) {
            return null;
        }
        Matcher matcher = SKU_SEARCH.matcher(query.strip());
        if (!matcher.matches()) {
            return "\u0000"; // a search the fake does not know: matches no SKU
        }
        return matcher.group(1) != null ? matcher.group(1).replaceAll("\\\\(.)", "$1") : matcher.group(2);
    }
}
