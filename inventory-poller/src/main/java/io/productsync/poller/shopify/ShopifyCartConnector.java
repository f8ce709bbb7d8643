package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.time.Clock;
import java.util.List;

/**
 * A Shopify store through the Admin GraphQL API ({@link ShopifySettings#API_VERSION}): reads variants at one location,
 * sets quantities with compare-and-set, and keeps within the store's cost budget.
 */
public final class ShopifyCartConnector implements CartConnector {

    private final VariantReads reads;
    private final QuantityPush push;

    public ShopifyCartConnector(ShopifySettings settings, ShopifyCredentials credentials, Clock clock) {
        GraphQlClient client = new GraphQlClient(settings, credentials, new CostBucket(clock));
        VariantDirectory directory = new VariantDirectory();
        this.reads = new VariantReads(client, settings, directory);
        this.push = new QuantityPush(client, settings, directory);
    }

    @Override
    public Page<CartItem> readPage(String cursor) {
        return reads.read(cursor);
    }

    @Override
    public QuantityChangeResult setQuantity(QuantityChange change) {
        return push.apply(List.of(change)).get(0);
    }

    /** One {@code inventorySetQuantities} takes this many quantities. */
    @Override
    public int maxBatchSize() {
        return QuantitySet.MAX_PER_MUTATION;
    }

    @Override
    public List<QuantityChangeResult> setQuantities(List<QuantityChange> changes) {
        return push.apply(changes);
    }
}
