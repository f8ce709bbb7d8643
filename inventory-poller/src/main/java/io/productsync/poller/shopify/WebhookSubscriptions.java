package io.productsync.poller.shopify;

import io.productsync.poller.connector.ConnectorException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Subscribes the store's {@code inventory_levels/update} and {@code products/update} webhooks to this connection's
 * callback URL, once: topics already subscribed to that URL are left alone, so a restart creates nothing twice.
 */
final class WebhookSubscriptions {

    static final List<String> TOPICS = List.of("INVENTORY_LEVELS_UPDATE", "PRODUCTS_UPDATE");

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final URI callback;

    WebhookSubscriptions(GraphQlClient client, ShopifySettings settings, URI callback) {
        this.client = client;
        this.settings = settings;
        this.callback = callback;
    }

    /** @return the topics it subscribed now (empty when all were already) */
    List<String> ensure() {
        JsonNode existing = client.execute(ShopifyDocuments.WEBHOOK_SUBSCRIPTIONS, Map.of("topics", TOPICS))
                .path("webhookSubscriptions");
        Set<String> subscribed = new HashSet<>();
        for (JsonNode subscription : existing.path("nodes")) {
            if (callback.toString().equals(subscription.path("uri").asString(""))) {
                subscribed.add(subscription.path("topic").asString(""));
            }
        }
        List<String> missing =
                TOPICS.stream().filter(topic -> !subscribed.contains(topic)).toList();
        for (String topic : missing) {
            JsonNode created = client.execute(
                            ShopifyDocuments.CREATE_WEBHOOK_SUBSCRIPTION,
                            Map.of("topic", topic, "uri", callback.toString()))
                    .path("webhookSubscriptionCreate");
            if (!created.path("userErrors").isEmpty()
                    || created.path("webhookSubscription").isNull()) {
                throw new ConnectorException("shopify " + settings.shopDomain() + " refused the " + topic
                        + " webhook to " + callback + ": " + created.path("userErrors"));
            }
        }
        return missing;
    }
}
