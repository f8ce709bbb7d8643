package io.productsync.poller.shopify;

import graphql.schema.DataFetchingEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's webhook subscriptions ({@code webhookSubscriptions}, {@code webhookSubscriptionCreate}) and their
 * deliveries: a POST of the topic's JSON to each subscribed URI with Shopify's headers, the body signed with the
 * app's API secret key. Deliveries are sent as the test asks, and answered statuses are kept.
 */
public final class FakeWebhooks {

    /** The custom app's API secret key: what signs every delivery. */
    public static final String API_SECRET_KEY = "shpss_0123456789abcdef0123456789abcdef";

    /** One delivery as sent, and the receiver's answer. */
    public record Delivery(String topic, String webhookId, String body, int status) {}

    private record Subscription(String id, String topic, String uri) {}

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long nextId = 1;

    synchronized Object subscriptions(DataFetchingEnvironment environment) {
        List<String> topics = environment.getArgument("topics");
        List<Map<String, Object>> nodes = subscriptions.stream()
                .filter(subscription -> topics == null || topics.contains(subscription.topic()))
                .map(FakeWebhooks::node)
                .toList();
        return Map.of("nodes", nodes, "edges", List.of());
    }

    synchronized Object create(DataFetchingEnvironment environment) {
        String topic = environment.getArgument("topic");
        Map<String, Object> input = environment.getArgument("webhookSubscription");
        Object uri = input.get("uri");
        Map<String, Object> payload = new HashMap<>();
        if (!(uri instanceof String text) || !(text.startsWith("https://") || text.startsWith("http://"))) {
            payload.put("webhookSubscription", null);
            payload.put(
                    "userErrors",
                    List.of(Map.of("field", List.of("webhookSubscription", "uri"), "message", "Address is invalid")));
            return payload;
        }
        boolean taken = subscriptions.stream()
                .anyMatch(subscription ->
                        subscription.topic().equals(topic) && subscription.uri().equals(text));
        if (taken) {
            payload.put("webhookSubscription", null);
            payload.put(
                    "userErrors",
                    List.of(Map.of(
                            "field",
                            List.of("webhookSubscription", "uri"),
                            "message",
                            "Address for this topic has already been taken")));
            return payload;
        }
        Subscription subscription = new Subscription("gid://shopify/WebhookSubscription/" + nextId++, topic, text);
        subscriptions.add(subscription);
        payload.put("webhookSubscription", node(subscription));
        payload.put("userErrors", List.of());
        return payload;
    }

    /** The URIs subscribed to {@code topic} (e.g. {@code INVENTORY_LEVELS_UPDATE}). */
    public synchronized List<String> subscribed(String topic) {
        return subscriptions.stream()
                .filter(subscription -> subscription.topic().equals(topic))
                .map(Subscription::uri)
                .toList();
    }

    public synchronized int subscriptionCount() {
        return subscriptions.size();
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /**
     * An {@code inventory_levels/update} as Shopify sends it after a change in the admin, to every subscriber: 64-bit
     * ids as JSON numbers, {@code available} null when the item is not stocked there.
     */
    public List<Delivery> inventoryLevelUpdate(FakeShop.Variant variant, String locationGid, Long available) {
        long location = Long.parseLong(locationGid.substring(locationGid.lastIndexOf('/') + 1));
        String body = "{\"inventory_item_id\":" + variant.itemId() + ",\"location_id\":" + location
                + ",\"available\":" + available + ",\"updated_at\":\"2026-11-27T10:15:30-05:00\","
                + "\"admin_graphql_api_id\":\"gid://shopify/InventoryLevel/" + location + "?inventory_item_id="
                + variant.itemId() + "\"}";
        return deliverToSubscribers(
                "INVENTORY_LEVELS_UPDATE", body, UUID.randomUUID().toString());
    }

    /** A {@code products/update} naming these variants of one product. */
    public List<Delivery> productUpdate(String status, FakeShop.Variant... variants) {
        StringBuilder list = new StringBuilder();
        for (FakeShop.Variant variant : variants) {
            list.append(list.isEmpty() ? "" : ",")
                    .append("{\"id\":")
                    .append(variant.id())
                    .append(",\"sku\":\"")
                    .append(variant.sku())
                    .append("\",\"inventory_item_id\":")
                    .append(variant.itemId())
                    .append(",\"inventory_quantity\":0,\"admin_graphql_api_id\":\"")
                    .append(variant.gid())
                    .append("\"}");
        }
        String body = "{\"id\":788032119674292922,\"title\":\"Example\",\"status\":\"" + status + "\",\"variants\":["
                + list + "]}";
        return deliverToSubscribers("PRODUCTS_UPDATE", body, UUID.randomUUID().toString());
    }

    /** Sends the same delivery (same {@code X-Shopify-Webhook-Id}) again, as Shopify's retries do. */
    public Delivery redeliver(Delivery delivery, String uri) {
        return send(uri, delivery.topic(), delivery.body(), delivery.webhookId(), sign(delivery.body()));
    }

    /** One delivery to {@code uri} with a signature of the caller's choosing (e.g. a forged one). */
    public Delivery send(String uri, String topic, String body, String webhookId, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic.toLowerCase().replace("_update", "/update"))
                .header("X-Shopify-Shop-Domain", ShopifyFake.SHOP_DOMAIN)
                .header("X-Shopify-API-Version", AdminSchema.VERSION)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Triggered-At", "2026-11-27T15:15:30.000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        Delivery delivery = new Delivery(topic, webhookId, body, status);
        synchronized (this) {
            deliveries.add(delivery);
        }
        return delivery;
    }

    /** The signature Shopify puts on {@code body}. */
    public static String sign(String body) {
        // Computed here on its own, as Shopify does, not with the connector's code under test.
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(API_SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Delivery> deliverToSubscribers(String topic, String body, String webhookId) {
        List<Delivery> sent = new ArrayList<>();
        for (String uri : subscribed(topic)) {
            sent.add(send(uri, topic, body, webhookId, sign(body)));
        }
        return sent;
    }

    private static Map<String, Object> node(Subscription subscription) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", subscription.id());
        node.put("topic", subscription.topic());
        node.put("uri", subscription.uri());
        return node;
    }
}
