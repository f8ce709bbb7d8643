package io.productsync.poller.snapshot;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsItem;
import io.productsync.poller.connector.WmsRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector seen as pages of keyed events for one topic, each with its {@link Fingerprints fingerprint}; a connected
 * cart's applied snapshots end with a {@code CartCycleCompleted}.
 */
record InventorySource<I, V>(
        SourceId id,
        Topic<String, V> topic,
        Function<String, Page<I>> reader,
        BiFunction<I, Instant, V> toEvent,
        Function<V, String> keyOf,
        Function<String, String> keyOfSku,
        ToLongFunction<V> fingerprint,
        boolean completesCartCycles) {

    private static final Logger log = LoggerFactory.getLogger(InventorySource.class);

    static InventorySource<?, CartInventoryObserved> cart(CartKey cart, CartConnector connector) {
        return new InventorySource<CartItem, CartInventoryObserved>(
                SourceId.cart(cart),
                Topics.CART_INVENTORY,
                connector::readPage,
                (item, at) -> item.observed(cart, at),
                event -> event.key().value(),
                sku -> new CartSkuKey(cart.tenantId(), cart.cartId(), sku).value(),
                Fingerprints::cart,
                true);
    }

    static InventorySource<?, WmsInventoryObserved> wms(WmsRef wms, WmsConnector connector) {
        return new InventorySource<WmsItem, WmsInventoryObserved>(
                SourceId.wms(wms),
                Topics.WMS_INVENTORY,
                connector::readPage,
                (item, at) -> new WmsInventoryObserved(
                        UUID.randomUUID(), wms.tenantId(), wms.wmsId(), item.sku(), item.available(), at),
                event -> event.key().value(),
                sku -> new WmsSkuKey(wms.tenantId(), wms.wmsId(), sku).value(),
                Fingerprints::wms,
                false);
    }

    /** A source that is no longer connected, read as empty, so its snapshot tombstones every key still live. */
    static InventorySource<?, ?> disconnected(SourceId id) {
        return switch (id.kind()) {
            case CART -> empty(id, Topics.CART_INVENTORY);
            case WMS -> empty(id, Topics.WMS_INVENTORY);
        };
    }

    private static <V> InventorySource<V, V> empty(SourceId id, Topic<String, V> topic) {
        Function<Object, String> never = item -> {
            throw new IllegalStateException(id + " is disconnected and lists nothing");
        };
        return new InventorySource<>(
                id,
                topic,
                cursor -> Page.last(List.of()),
                (item, at) -> item,
                never::apply,
                never::apply,
                item -> 0,
                false);
    }

    /** The next page as events observed at {@code at}; an item that makes no valid event is logged and left out. */
    Page<V> readPage(String cursor, Instant at) {
        Page<I> page = reader.apply(cursor);
        List<V> events = new ArrayList<>(page.items().size());
        for (I item : page.items()) {
            try {
                events.add(toEvent.apply(item, at));
            } catch (IllegalArgumentException e) {
                log.warn("{}: skipping {}: {}", id, item, e.getMessage());
            }
        }
        return new Page<>(events, page.unreadableSkus(), page.nextCursor());
    }
}
