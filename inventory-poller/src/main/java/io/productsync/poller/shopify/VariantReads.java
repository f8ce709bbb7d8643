package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Chooses how each listing of the store is read: a store with more variants than the threshold with a bulk operation,
 * any other by pages. The choice is made when a listing starts; its cursors keep to it.
 */
final class VariantReads {

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final VariantPages pages;
    private final BulkVariants bulk;
    /** Counted for a listing whose first page was throttled: its retry does not count (and pay) again. */
    private Boolean startInBulk;

    VariantReads(GraphQlClient client, ShopifySettings settings, VariantDirectory directory) {
        VariantListing listing = new VariantListing(settings, directory);
        this.client = client;
        this.settings = settings;
        this.pages = new VariantPages(client, settings, listing);
        this.bulk = new BulkVariants(client, settings, listing);
    }

    /** The page after {@code cursor}; null starts a new listing. */
    Page<CartItem> read(String cursor) {
        if (cursor == null) {
            bulk.closeOpen();
            if (startInBulk == null) {
                startInBulk = overThreshold();
            }
            try {
                Page<CartItem> first = startInBulk ? bulk.start() : pages.read(null);
                startInBulk = null;
                return first;
            } catch (ThrottledException e) {
                throw e;
            } catch (RuntimeException e) {
                startInBulk = null;
                throw e;
            }
        }
        return BulkCursor.is(cursor) ? bulk.read(BulkCursor.parse(cursor)) : pages.read(cursor);
    }

    private boolean overThreshold() {
        JsonNode count = client.execute(ShopifyDocuments.COUNT_VARIANTS, Map.of("limit", settings.bulkThreshold() + 1))
                .path("productVariantsCount")
                .path("count");
        if (!count.isIntegralNumber()) {
            throw new ConnectorException(
                    "shopify " + settings.shopDomain() + " productVariantsCount answered without a count");
        }
        return count.asLong() > settings.bulkThreshold();
    }
}
