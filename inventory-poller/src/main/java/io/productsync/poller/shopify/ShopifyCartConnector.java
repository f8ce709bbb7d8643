package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.time.Clock;

/**
 * A Shopify store through the Admin GraphQL API ({@link ShopifySettings#API_VERSION}): reads variants at one location,
 * sets quantities with compare-and-set, and keeps within the store's cost budget.
 */
public final class ShopifyCartConnector implements CartConnector {

    private final VariantPages pages;
    private final QuantityPush push;

    public ShopifyCartConnector(ShopifySettings settings, ShopifyCredentials credentials, Clock clock) {
        GraphQlClient client = new GraphQlClient(settings, credentials, new CostBucket(clock));
        VariantDirectory directory = new VariantDirectory();
        this.pages = new VariantPages(client, settings, directory);
        this.push = new QuantityPush(client, settings, directory);
    }

    @Override
    public Page<CartItem> readPage(String cursor) {
        return pages.read(cursor);
    }

    @Override
    public QuantityChangeResult setQuantity(QuantityChange change) {
        return push.apply(change);
    }
}
