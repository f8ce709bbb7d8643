package io.productsync.poller.shopify;

import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Sets a batch of SKUs' available quantities with one {@code inventorySetQuantities}: compare-and-set on each expected
 * quantity, and an idempotency key derived from the batch's pushIds, so a retry of the same batch never applies twice.
 * A user error names its entry ({@code field ["input","quantities","<i>",...]}) and settles that SKU alone. Whether
 * Shopify applies the other entries of a mutation in which one failed is not documented, so the connector is right
 * either way: an entry the answer shows changed is applied, and the entries neither failed nor shown changed are sent
 * again in a mutation of their own, under a key derived from their pushIds.
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

    /** A change whose SKU is on exactly one variant, and its place among the changes asked for. */
    private record Addressed(int index, QuantityChange change, String inventoryItemId) {}

    /** One result per change, in order; at most {@link QuantitySet#MAX_PER_MUTATION} changes, never two of one SKU. */
    List<QuantityChangeResult> apply(List<QuantityChange> changes) {
        QuantityChangeResult[] results = new QuantityChangeResult[changes.size()];
        List<Addressed> pending = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            QuantityChange change = changes.get(i);
            VariantDirectory.KnownSku known = address(change.sku());
            if (known == null) {
                results[i] = QuantityChangeResult.notInCart();
            } else if (known.ambiguous()) {
                results[i] = QuantityChangeResult.rejected(
                        "SKU '" + change.sku() + "' is on " + known.variantIds().size() + " variants ("
                                + String.join(", ", known.variantIds()) + "): not pushed");
            } else {
                pending.add(new Addressed(i, change, known.inventoryItemId()));
            }
        }
        while (!pending.isEmpty()) {
            pending = mutate(pending, results);
        }
        return Arrays.asList(results);
    }

    /**
     * One mutation of {@code pending}; settles what its answer settles and returns the entries to send again (fewer
     * than sent: only when another entry's error may have held them back).
     */
    private List<Addressed> mutate(List<Addressed> pending, QuantityChangeResult[] results) {
        UUID key = batchKey(pending);
        List<QuantitySet> sets = pending.stream()
                .map(entry -> new QuantitySet(
                        entry.inventoryItemId(),
                        entry.change().target(),
                        entry.change().expected()))
                .toList();
        JsonNode payload = client.execute(
                        ShopifyDocuments.setQuantities(key),
                        Map.of("input", QuantitySet.input(settings.locationId(), sets, key)))
                .path("inventorySetQuantities");
        Set<String> changed = changedItems(payload.path("inventoryAdjustmentGroup"));
        Map<Integer, JsonNode> entryErrors = new HashMap<>();
        JsonNode mutationError = null;
        for (JsonNode error : payload.path("userErrors")) {
            Integer entry = entryOf(error.path("field"), pending.size());
            if (entry != null) {
                entryErrors.putIfAbsent(entry, error);
            } else if (mutationError == null) {
                mutationError = error;
            }
        }
        List<Addressed> again = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Addressed entry = pending.get(i);
            JsonNode error = entryErrors.get(i);
            if (error != null) {
                results[entry.index()] = refused(entry, error);
            } else if (changed.contains(entry.inventoryItemId())) {
                results[entry.index()] = QuantityChangeResult.applied();
            } else if (mutationError != null) {
                results[entry.index()] = QuantityChangeResult.rejected(text(mutationError));
            } else if (entryErrors.isEmpty()) {
                results[entry.index()] = QuantityChangeResult.alreadyAtTarget();
            } else {
                again.add(entry);
            }
        }
        if (!again.isEmpty()) {
            log.debug(
                    "shopify {}: {} of {} quantities refused; sending the other {} again",
                    settings.shopDomain(),
                    entryErrors.size(),
                    pending.size(),
                    again.size());
        }
        return again;
    }

    private QuantityChangeResult refused(Addressed entry, JsonNode error) {
        QuantityChange change = entry.change();
        String code = error.path("code").asString("");
        switch (code) {
            case "CHANGE_FROM_QUANTITY_STALE" -> {
                Long current = currentAvailable(entry.inventoryItemId());
                if (current == null) {
                    return QuantityChangeResult.rejected(
                            text(error) + " (and no available quantity at the location now)");
                }
                return current == change.target()
                        ? QuantityChangeResult.alreadyAtTarget()
                        : QuantityChangeResult.currentDiffers(current);
            }
            case "INVALID_INVENTORY_ITEM" -> {
                directory.forget(change.sku());
                return lookUp(change.sku()) == null
                        ? QuantityChangeResult.notInCart()
                        : QuantityChangeResult.rejected(text(error));
            }
            default -> {
                return QuantityChangeResult.rejected(text(error));
            }
        }
    }

    /**
     * The same pushes give the same key, so Shopify answers a repeated batch from its idempotency store; any other set
     * of pushes (a later batch, or the rest of this one) gets a key of its own.
     */
    static UUID batchKey(List<Addressed> entries) {
        String pushIds = entries.stream()
                .map(entry -> entry.change().idempotencyKey().toString())
                .sorted()
                .collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(("inventorySetQuantities/" + pushIds).getBytes(StandardCharsets.UTF_8));
    }

    /** The entry a user error's {@code field} names ({@code ["input","quantities","3",...]}); null for the mutation. */
    private static Integer entryOf(JsonNode field, int entries) {
        if (field.size() < 3
                || !"input".equals(field.get(0).asString(""))
                || !"quantities".equals(field.get(1).asString(""))) {
            return null;
        }
        try {
            int entry = Integer.parseInt(field.get(2).asString(""));
            return entry >= 0 && entry < entries ? entry : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode error) {
        return error.path("code").asString("") + ": " + error.path("message").asString("");
    }

    /** The inventory items whose quantity this mutation changed. */
    private static Set<String> changedItems(JsonNode group) {
        Set<String> items = new HashSet<>();
        for (JsonNode change : group.path("changes")) {
            if (change.path("delta").asLong() != 0) {
                items.add(change.path("item").path("id").asString(""));
            }
        }
        return items;
    }

    /** Null when the item is not stocked at the location (or is gone). */
    private Long currentAvailable(String inventoryItemId) {
        JsonNode item = client.execute(
                        ShopifyDocuments.ITEM_AVAILABLE,
                        Map.of("id", inventoryItemId, "location", settings.locationId()))
                .path("inventoryItem");
        return ShopifyVariant.available(item.path("inventoryLevel"));
    }

    /** What the last read knows of the SKU; a SKU never read (or forgotten) is looked up. */
    private VariantDirectory.KnownSku address(String sku) {
        VariantDirectory.KnownSku known = directory.find(sku);
        return known != null ? known : lookUp(sku);
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
}
