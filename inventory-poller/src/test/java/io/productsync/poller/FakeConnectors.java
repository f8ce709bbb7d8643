package io.productsync.poller;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.Connection;
import io.productsync.poller.connector.ConnectorProvider;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A connector provider tests program: each test adds carts of its own tenant; their WMS is always empty. */
public final class FakeConnectors implements ConnectorProvider {

    private final Map<CartKey, CartConnector> carts = new ConcurrentHashMap<>();
    private final AtomicReference<Error> nextDiscovery = new AtomicReference<>();

    public void add(String tenantId, String cartId, CartConnector cart) {
        carts.put(new CartKey(tenantId, cartId), cart);
    }

    /** The next discovery throws this instead of answering. */
    public void failNextDiscovery(Error error) {
        nextDiscovery.set(error);
    }

    public boolean discoveryFailurePending() {
        return nextDiscovery.get() != null;
    }

    @Override
    public List<Connection> discover() {
        Error error = nextDiscovery.getAndSet(null);
        if (error != null) {
            throw error;
        }
        return carts.keySet().stream()
                .map(cart ->
                        new Connection(cart.tenantId(), cart.cartId(), "fake-wms", true, true, Duration.ofMillis(200)))
                .toList();
    }

    @Override
    public Optional<CartConnector> cart(CartKey cart) {
        return Optional.ofNullable(carts.get(cart));
    }

    @Override
    public Optional<WmsConnector> wms(WmsRef wms) {
        boolean ours = carts.keySet().stream().anyMatch(cart -> cart.tenantId().equals(wms.tenantId()));
        return ours ? Optional.of(cursor -> Page.last(List.of())) : Optional.empty();
    }
}
