package io.productsync.poller.connector;

import io.productsync.events.CartKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A family of connectors (the sandbox, later Shopify, BigCommerce, WooCommerce, Extensiv) that knows which connections
 * exist. {@link #discover()} runs every scheduler cycle, so a provider backed by something slow should cache.
 */
public interface ConnectorProvider {

    /** The connections this provider serves now; throw {@link ConnectorException} if that cannot be known. */
    List<Connection> discover();

    Optional<CartConnector> cart(CartKey cart);

    Optional<WmsConnector> wms(WmsRef wms);

    /** The interval a WMS is polled at when it has one of its own; empty: the shortest of its carts' intervals. */
    default Optional<Duration> wmsPollInterval(WmsRef wms) {
        return Optional.empty();
    }
}
