package io.productsync.poller.shopify;

import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Sets one SKU's available quantity with {@code inventorySetQuantities}: compare-and-set on the expected quantity and
 * the push's idempotency key, so a retry never applies twice.
 */
final class QuantityPush {

    private static final Logger log = LoggerFactory.getLogger(QuantityPush.class);

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final VariantDirectory directory;

    QuantityPush(GraphQlClient client, ShopifySettings settings, VariantDirectory directory) {
        this.client = client;
        this.settings = settings;
        this.directory = directory;
    }

    QuantityChangeResult apply(QuantityChange change) {
        VariantDirectory.KnownSku known = directory.find(change.sku());
        if (known == null) {
            known = lookUp(change.sku());
        }
        if (known == null) {
            return QuantityChangeResult.notInCart();
        }
        if (known.ambiguous()) {
            return QuantityChangeResult.rejected(
                    "SKU '" + change.sku() + "' is on " + known.variantIds().size() + " variants ("
                            + String.join(", ", known.variantIds()) + "): not pushed");
        }
        Map<String, Object> input = QuantitySet.input(
                settings.locationId(),
                List.of(new QuantitySet(known.inventoryItemId(), change.target(), change.expected())),
                change.idempotencyKey());
        JsonNode payload = client.execute(
                        ShopifyDocuments.setQuantities(change.idempotencyKey()), Map.of("input", input))
                .path("inventorySetQuantities");
        JsonNode userErrors = payload.path("userErrors");
        if (userErrors.isEmpty()) {
            return changed(payload.path("inventoryAdjustmentGroup"))
                    ? QuantityChangeResult.applied()
                    : QuantityChangeResult.alreadyAtTarget();
        }
        return refused(change, known, userErrors.get(0));
    }

    private QuantityChangeResult refused(QuantityChange change, VariantDirectory.KnownSku known, JsonNode error) {
        String code = error.path("code").asString("");
        String text = code + ": " + error.path("message").asString("");
        switch (code) {
            case "CHANGE_FROM_QUANTITY_STALE" -> {
                Long current = currentAvailable(known.inventoryItemId());
                if (current == null) {
                    return QuantityChangeResult.rejected(text + " (and no available quantity at the location now)");
                }
                return current == change.target()
                        ? QuantityChangeResult.alreadyAtTarget()
                        : QuantityChangeResult.currentDiffers(current);
            }
            case "INVALID_INVENTORY_ITEM" -> {
                directory.forget(change.sku());
                return lookUp(change.sku()) == null
                        ? QuantityChangeResult.notInCart()
                        : QuantityChangeResult.rejected(text);
            }
            default -> {
                return QuantityChangeResult.rejected(text);
            }
        }
    }

    /** Null when the item is not stocked at the location (or is gone). */
    private Long currentAvailable(String inventoryItemId) {
        JsonNode item = client.execute(
                        ShopifyDocuments.ITEM_AVAILABLE,
                        Map.of("id", inventoryItemId, "location", settings.locationId()))
                .path("inventoryItem");
        return ShopifyVariant.available(item.path("inventoryLevel"));
    }

    /** A SKU never read (or forgotten): asks the store; null if no variant carries exactly this SKU. */
    private VariantDirectory.KnownSku lookUp(String sku) {
        JsonNode nodes = client.execute(
                        ShopifyDocuments.FIND_BY_SKU,
                        Map.of("query", ShopifyDocuments.skuSearch(sku), "location", settings.locationId()))
                .path("productVariants")
                .path("nodes");
        for (JsonNode node : nodes) {
            ShopifyVariant variant = ShopifyVariant.from(node);
            if (variant.sku().equals(sku)) {
                directory.recordFound(variant);
            }
        }
        VariantDirectory.KnownSku found = directory.find(sku);
        if (found == null) {
            log.info("shopify {}: no variant has SKU '{}'", settings.shopDomain(), sku);
        }
        return found;
    }

    private static boolean changed(JsonNode group) {
        for (JsonNode change : group.path("changes")) {
            if (change.path("delta").asLong() != 0) {
                return true;
            }
        }
        return false;
    }
}
