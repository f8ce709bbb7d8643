package io.productsync.poller.connector;

import io.productsync.events.CartKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every {@link ConnectorProvider} behind one face; the first provider to claim a cart wins. */
public final class ConnectorRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final List<ConnectorProvider> providers;

    public ConnectorRegistry(List<ConnectorProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** All connections, one per cart; a provider that cannot answer fails the whole discovery rather than losing carts. */
    public List<Connection> discover() {
        Map<CartKey, Connection> connections = new LinkedHashMap<>();
        for (ConnectorProvider provider : providers) {
            for (Connection connection : provider.discover()) {
                Connection first = connections.putIfAbsent(connection.cart(), connection);
                if (first != null && !first.equals(connection)) {
                    log.warn(
                            "cart {} is claimed by two connector providers; keeping the first",
                            connection.cart().value());
                }
            }
        }
        return new ArrayList<>(connections.values());
    }

    public Optional<CartConnector> cart(CartKey cart) {
        return first(provider -> provider.cart(cart));
    }

    public Optional<WmsConnector> wms(WmsRef wms) {
        return first(provider -> provider.wms(wms));
    }

    public Optional<Duration> wmsPollInterval(WmsRef wms) {
        return first(provider -> provider.wmsPollInterval(wms));
    }

    private <T> Optional<T> first(Function<ConnectorProvider, Optional<T>> lookup) {
        return providers.stream().map(lookup).flatMap(Optional::stream).findFirst();
    }
}
