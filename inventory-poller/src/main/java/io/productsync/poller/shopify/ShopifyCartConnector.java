package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.ThrottledException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Shopify store through the Admin GraphQL API ({@link ShopifySettings#API_VERSION}): reads variants at one location,
 * sets quantities with compare-and-set, and keeps within the store's cost budget. With a webhook callback URL it
 * subscribes the store's inventory and product webhooks to it, and checks and reads the deliveries.
 */
public final class ShopifyCartConnector implements CartConnector {

    private static final Logger log = LoggerFactory.getLogger(ShopifyCartConnector.class);

    private final ShopifySettings settings;
    private final ShopifyCredentials credentials;
    private final VariantReads reads;
    private final QuantityPush push;
    private final ItemRefresh refresh;
    private final WebhookSubscriptions subscriptions;
    private volatile boolean subscribed;

    public ShopifyCartConnector(ShopifySettings settings, ShopifyCredentials credentials, Clock clock) {
        this(settings, credentials, clock, null);
    }

    /** {@code webhookCallback}: where the store sends its webhooks; null subscribes none (polling alone). */
    public ShopifyCartConnector(
            ShopifySettings settings, ShopifyCredentials credentials, Clock clock, URI webhookCallback) {
        GraphQlClient client = new GraphQlClient(settings, credentials, new CostBucket(clock));
        VariantDirectory directory = new VariantDirectory();
        this.settings = settings;
        this.credentials = credentials;
        this.reads = new VariantReads(client, settings, directory);
        this.push = new QuantityPush(client, settings, directory);
        this.refresh = new ItemRefresh(client, settings, directory);
        this.subscriptions =
                webhookCallback == null ? null : new WebhookSubscriptions(client, settings, webhookCallback);
    }

    @Override
    public Page<CartItem> readPage(String cursor) {
        if (cursor == null) {
            subscribeOnce();
        }
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

    /** Whether {@code hmacHeader} signs {@code body} with the app's API secret key; always false without one. */
    public boolean signs(byte[] body, String hmacHeader) {
        return WebhookSignature.valid(body, hmacHeader, credentials.apiSecretKey());
    }

    /**
     * The inventory item ids a delivery of {@code topic} says changed at this connection's location.
     *
     * @throws IllegalArgumentException when the body is not the topic's JSON
     */
    public List<String> changedItems(String topic, byte[] body) {
        return WebhookChanges.items(topic, body, settings.locationId());
    }

    /** The most item ids {@link #readItems} takes. */
    public int maxItemsPerRead() {
        return ShopifyDocuments.ITEMS_PER_READ;
    }

    /**
     * What the cart holds now for the SKUs of these inventory items, as far as a listing has seen them (see
     * {@link ItemRefresh}). May throw {@link ThrottledException} or {@link ConnectorException}.
     */
    public List<CartItem> readItems(List<String> inventoryItemIds) {
        return refresh.read(inventoryItemIds);
    }

    /** Tried at the start of each listing until it succeeds once; a failure never fails the listing. */
    private void subscribeOnce() {
        if (subscriptions == null || subscribed) {
            return;
        }
        try {
            List<String> created = subscriptions.ensure();
            subscribed = true;
            log.info(
                    "shopify {}: webhooks {} subscribed{}",
                    settings.shopDomain(),
                    WebhookSubscriptions.TOPICS,
                    created.isEmpty() ? " (already)" : ", created " + created);
        } catch (ConnectorException e) { // throttled too
            log.warn(
                    "shopify {}: webhooks not subscribed ({}); polling goes on, the next listing tries again",
                    settings.shopDomain(),
                    e.getMessage());
        }
    }
}
