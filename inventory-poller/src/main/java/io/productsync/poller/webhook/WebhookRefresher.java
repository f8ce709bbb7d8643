package io.productsync.poller.webhook;

import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.Topics;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.connector.ThrottledException;
import io.productsync.poller.shopify.ShopifyCartConnector;
import io.productsync.poller.snapshot.UnsavedPublications;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads again the inventory items webhooks named and publishes what the cart holds now on {@code cart-inventory}, off
 * the request thread (the vendor wants its answer within seconds). Items named while a cart's read is pending or
 * running join the next read of that cart (up to the connector's batch), so a burst of webhooks costs few API calls.
 * A throttled read waits as the cart asks, scheduled, not slept. A read that fails is logged and dropped: the cart's
 * next poll reads the same items.
 */
@Component
final class WebhookRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookRefresher.class);

    private final ConnectorRegistry registry;
    private final TopicSender sender;
    private final UnsavedPublications unsavedPublications;
    private final Clock clock;
    private final Duration sendTimeout;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "webhook-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<CartKey, Set<String>> pending = new ConcurrentHashMap<>();
    /** Carts with a read scheduled or running: at most one per cart, so a cart's reads publish in order. */
    private final Set<CartKey> scheduled = ConcurrentHashMap.newKeySet();

    WebhookRefresher(
            ConnectorRegistry registry,
            TopicSender sender,
            UnsavedPublications unsavedPublications,
            Clock clock,
            PollerSettings settings) {
        this.registry = registry;
        this.sender = sender;
        this.unsavedPublications = unsavedPublications;
        this.clock = clock;
        this.sendTimeout = settings.poller().sendTimeout();
    }

    void submit(CartKey cart, List<String> inventoryItemIds) {
        if (inventoryItemIds.isEmpty()) {
            return;
        }
        pending.compute(cart, (key, items) -> {
            Set<String> all = items == null ? new LinkedHashSet<>() : items;
            all.addAll(inventoryItemIds);
            return all;
        });
        schedule(cart, Duration.ZERO);
    }

    private void schedule(CartKey cart, Duration delay) {
        if (scheduled.add(cart)) {
            executor.schedule(() -> run(cart), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(CartKey cart) {
        Duration next = Duration.ZERO;
        try {
            next = read(cart);
        } catch (RuntimeException e) {
            log.error("cart {}: webhook read failed unexpectedly", cart.value(), e);
        } finally {
            scheduled.remove(cart);
        }
        if (pending.containsKey(cart)) {
            schedule(cart, next);
        }
    }

    /** Reads one batch of the cart's pending items; returns how long to wait before the next. */
    private Duration read(CartKey cart) {
        Optional<ShopifyCartConnector> connector = registry.cart(cart)
                .filter(ShopifyCartConnector.class::isInstance)
                .map(ShopifyCartConnector.class::cast);
        if (connector.isEmpty()) {
            Set<String> dropped = pending.remove(cart);
            log.info(
                    "cart {}: not a connected Shopify cart; {} items named by webhooks dropped",
                    cart.value(),
                    dropped == null ? 0 : dropped.size());
            return Duration.ZERO;
        }
        List<String> batch = take(cart, connector.get().maxItemsPerRead());
        try {
            List<CartItem> items = connector.get().readItems(batch);
            Instant at = clock.instant();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (CartItem item : items) {
                CartSkuKey key = new CartSkuKey(cart.tenantId(), cart.cartId(), item.sku());
                // The cart's next snapshot publishes this SKU again, whatever its fingerprint says.
                unsavedPublications.publishing(key);
                sends.add(sender.send(Topics.CART_INVENTORY, key.value(), item.observed(cart, at), at));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info(
                    "cart {}: webhooks: {} inventory items read again, {} SKUs published",
                    cart.value(),
                    batch.size(),
                    items.size());
            return Duration.ZERO;
        } catch (ThrottledException e) {
            putBack(cart, batch);
            log.info("cart {}: webhook read throttled; trying again in {}", cart.value(), e.retryAfter());
            return e.retryAfter();
        } catch (ConnectorException | ExecutionException | TimeoutException e) {
            log.warn(
                    "cart {}: {} inventory items named by webhooks not read ({}); the next poll reads them",
                    cart.value(),
                    batch.size(),
                    e.getMessage());
            return Duration.ZERO;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Duration.ZERO;
        }
    }

    private List<String> take(CartKey cart, int max) {
        List<String> batch = new ArrayList<>();
        pending.computeIfPresent(cart, (key, items) -> {
            Iterator<String> it = items.iterator();
            while (it.hasNext() && batch.size() < max) {
                batch.add(it.next());
                it.remove();
            }
            return items.isEmpty() ? null : items;
        });
        return batch;
    }

    private void putBack(CartKey cart, List<String> batch) {
        pending.compute(cart, (key, items) -> {
            Set<String> all = new LinkedHashSet<>(batch);
            if (items != null) {
                all.addAll(items);
            }
            return all;
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
