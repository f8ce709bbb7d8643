package io.productsync.poller.connection;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.CartPlatform;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import io.productsync.events.WmsPlatform;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.Connection;
import io.productsync.poller.connector.ConnectorProvider;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The carts and WMSes connected through sync-report-api's connection API, as {@code cart-connections} and
 * {@code wms-connections} hold them. Sandbox ones are left to the sandbox provider, which finds them in its folder.
 * Until both topics have been read to their end once, it reports no connection, so a cart is never polled before its
 * WMS is known.
 */
@Component
final class ApiConnectorProvider implements ConnectorProvider {

    private final ConnectionTable table;
    private final PlatformConnectors connectors;

    ApiConnectorProvider(ConnectionTable table, PlatformConnectors connectors) {
        this.table = table;
        this.connectors = connectors;
    }

    @Override
    public List<Connection> discover() {
        if (!table.loaded()) {
            return List.of();
        }
        var carts = table.carts();
        connectors.retain(carts.keySet(), table.wmses().keySet());
        return carts.values().stream()
                .filter(cart -> cart.platform() != CartPlatform.SANDBOX)
                .map(ApiConnectorProvider::connection)
                .toList();
    }

    @Override
    public Optional<CartConnector> cart(CartKey cart) {
        return Optional.ofNullable(table.cart(cart))
                .filter(connection -> connection.platform() != CartPlatform.SANDBOX)
                .flatMap(connectors::cart);
    }

    @Override
    public Optional<WmsConnector> wms(WmsRef wms) {
        return Optional.ofNullable(table.wms(new WmsKey(wms.tenantId(), wms.wmsId())))
                .filter(connection -> connection.platform() != WmsPlatform.SANDBOX)
                .flatMap(connectors::wms);
    }

    @Override
    public Optional<Duration> wmsPollInterval(WmsRef wms) {
        return Optional.ofNullable(table.wms(new WmsKey(wms.tenantId(), wms.wmsId())))
                .map(WmsConnectionConfigured::pollInterval);
    }

    private static Connection connection(CartConnectionConfigured cart) {
        return new Connection(
                cart.tenantId(),
                cart.cartId(),
                cart.wmsId(),
                cart.cartSyncEnabled(),
                cart.wmsSyncEnabled(),
                cart.pollInterval(),
                true);
    }
}
