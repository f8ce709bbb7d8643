package io.productsync.poller.webhook;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.shopify.ShopifyCartConnector;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives a Shopify store's webhooks ({@code inventory_levels/update}, {@code products/update}) for one connected
 * cart. A delivery is taken only when {@code X-Shopify-Hmac-Sha256} signs its raw body with the connection's API
 * secret key (else 401, nothing read, nothing published), once per {@code X-Shopify-Webhook-Id}. The answer comes as
 * soon as the delivery is taken; the items it names are read again and published by the {@link WebhookRefresher}.
 */
@RestController
final class ShopifyWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookController.class);

    /** A webhook body is a few kilobytes; a product with 2,000 variants is well under this. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final ConnectorRegistry registry;
    private final WebhookRefresher refresher;
    private final RecentDeliveries deliveries = new RecentDeliveries(100_000);

    ShopifyWebhookController(ConnectorRegistry registry, WebhookRefresher refresher) {
        this.registry = registry;
        this.refresher = refresher;
    }

    @PostMapping("/webhooks/shopify/{tenantId}/{cartId}")
    ResponseEntity<?> receive(
            @PathVariable String tenantId,
            @PathVariable String cartId,
            @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
            @RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String signature,
            @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String deliveryId,
            InputStream body)
            throws IOException {
        Optional<ShopifyCartConnector> connector = shopifyCart(tenantId, cartId);
        if (connector.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "no Shopify cart " + tenantId + "/" + cartId + " is connected here");
        }
        byte[] raw = body.readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "a webhook body is at most " + MAX_BODY_BYTES + " bytes");
        }
        String cart = tenantId + "/" + cartId;
        if (!connector.get().signs(raw, signature)) {
            // Neither the header nor the body is logged: a forged delivery has nothing worth keeping.
            log.warn(
                    "cart {}: webhook {} refused: X-Shopify-Hmac-Sha256 {} (is the connection's apiSecretKey the app's"
                            + " API secret key?)",
                    cart,
                    topic,
                    signature == null ? "missing" : "does not match");
            return problem(HttpStatus.UNAUTHORIZED, "the webhook signature does not verify");
        }
        if (deliveryId != null && !deliveries.first(cart, deliveryId)) {
            log.debug("cart {}: webhook delivery {} already taken", cart, deliveryId);
            return ResponseEntity.ok().build();
        }
        List<String> items;
        try {
            items = connector.get().changedItems(topic, raw);
        } catch (IllegalArgumentException e) {
            if (deliveryId != null) {
                deliveries.forget(cart, deliveryId);
            }
            log.warn("cart {}: webhook {} unreadable: {}", cart, topic, e.getMessage());
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        refresher.submit(new CartKey(tenantId, cartId), items);
        return ResponseEntity.ok().build();
    }

    private Optional<ShopifyCartConnector> shopifyCart(String tenantId, String cartId) {
        CartKey cart;
        try {
            cart = new CartKey(tenantId, cartId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return registry.cart(cart)
                .filter(ShopifyCartConnector.class::isInstance)
                .map(ShopifyCartConnector.class::cast);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
