package io.productsync.poller.shopify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The inventory items a webhook delivery says changed. Only ids are taken from it: the items are read again from the
 * API, so a delivery that arrives late or twice never rolls a quantity back. Ids exceed 2^53: read as integers or
 * strings, never doubles.
 */
final class WebhookChanges {

    static final String INVENTORY_LEVELS_UPDATE = "inventory_levels/update";
    static final String PRODUCTS_UPDATE = "products/update";

    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,19}");

    /**
     * @return the inventory item gids the delivery names at {@code locationId} (an {@code inventory_levels/update} of
     *     another location names none); empty for a topic the connector does not use
     * @throws IllegalArgumentException when the body is not the topic's JSON
     */
    static List<String> items(String topic, byte[] body, String locationId) {
        if (!INVENTORY_LEVELS_UPDATE.equals(topic) && !PRODUCTS_UPDATE.equals(topic)) {
            return List.of();
        }
        JsonNode payload;
        try {
            payload = GraphQlClient.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    topic + " body is not JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException(topic + " body is not a JSON object");
        }
        if (INVENTORY_LEVELS_UPDATE.equals(topic)) {
            String location = id(payload.path("location_id"), "location_id");
            if (!locationId.equals("gid://shopify/Location/" + location)) {
                return List.of();
            }
            return List.of(itemGid(id(payload.path("inventory_item_id"), "inventory_item_id")));
        }
        Set<String> items = new LinkedHashSet<>();
        for (JsonNode variant : payload.path("variants")) {
            items.add(itemGid(id(variant.path("inventory_item_id"), "variants[].inventory_item_id")));
        }
        return new ArrayList<>(items);
    }

    private static String id(JsonNode node, String field) {
        String text =
                node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.isString() ? node.asString() : "";
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " is missing or not an id");
        }
        return text;
    }

    private static String itemGid(String id) {
        return "gid://shopify/InventoryItem/" + id;
    }

    private WebhookChanges() {}
}
