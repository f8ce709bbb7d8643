package io.productsync.poller.connection;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import io.productsync.poller.connection.CredentialOpener.CredentialsUnreadable;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsRef;
import io.productsync.poller.extensiv.ExtensivConnectorFactory;
import io.productsync.poller.extensiv.ExtensivCredentials;
import io.productsync.poller.extensiv.ExtensivSettings;
import io.productsync.poller.shopify.ShopifyCartConnector;
import io.productsync.poller.shopify.ShopifyCredentials;
import io.productsync.poller.shopify.ShopifySettings;
import io.productsync.poller.system.PollerSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The connector of each connection configured through the API, built from its settings and opened credentials, and
 * kept while the connection's platform, settings and credentials stay the same (the Extensiv connector holds its
 * token, the Shopify one its SKU directory). A connection that cannot be built (credentials that do not open, a
 * setting its connector refuses) is logged once per change and has no connector: it is not polled, its rows stay.
 */
@Component
final class PlatformConnectors {

    private static final Logger log = LoggerFactory.getLogger(PlatformConnectors.class);

    /** What a connector is built from; a change in anything else (sync flags, interval) keeps the connector. */
    private record Source(String platform, Map<String, String> settings, String sealedCredentials) {}

    private record Built<C>(Source source, Optional<C> connector) {}

    private final CredentialOpener opener;
    private final Clock clock;
    private final PollerSettings.Webhooks webhooks;
    private final ExtensivConnectorFactory extensiv;
    private final Map<CartKey, Built<CartConnector>> carts = new ConcurrentHashMap<>();
    private final Map<WmsKey, Built<WmsConnector>> wmses = new ConcurrentHashMap<>();

    PlatformConnectors(CredentialOpener opener, Clock clock, PollerSettings settings) {
        this.opener = opener;
        this.clock = clock;
        this.webhooks = settings.poller().webhooks();
        this.extensiv = new ExtensivConnectorFactory(clock);
    }

    Optional<CartConnector> cart(CartConnectionConfigured connection) {
        Source source =
                new Source(connection.platform().token(), connection.settings(), connection.sealedCredentials());
        return cached(carts, connection.key(), "cart " + connection.key().value(), source, () -> shopify(connection));
    }

    Optional<WmsConnector> wms(WmsConnectionConfigured connection) {
        Source source =
                new Source(connection.platform().token(), connection.settings(), connection.sealedCredentials());
        return cached(wmses, connection.key(), "wms " + connection.key().value(), source, () -> extensiv(connection));
    }

    private static <K, C> Optional<C> cached(
            Map<K, Built<C>> cache, K key, String what, Source source, Supplier<C> connector) {
        return cache.compute(
                        key,
                        (k, built) -> built != null && built.source().equals(source)
                                ? built
                                : new Built<>(source, build(what, source, connector)))
                .connector();
    }

    /** Forgets the connectors of connections that are gone. */
    void retain(Set<CartKey> cartKeys, Set<WmsKey> wmsKeys) {
        carts.keySet().retainAll(cartKeys);
        wmses.keySet().retainAll(wmsKeys);
    }

    private static <C> Optional<C> build(String what, Source source, Supplier<C> connector) {
        try {
            C built = connector.get();
            log.info("{}: {} connector ready", what, source.platform());
            return Optional.of(built);
        } catch (CredentialsUnreadable e) {
            log.error(
                    "{}: its {} credentials cannot be used: {}; it is not polled and no push reaches it until it is "
                            + "connected again with credentials (PUT) or productsync.credentials.private-keyset is "
                            + "the key pair's private half",
                    what,
                    source.platform(),
                    e.getMessage());
        } catch (RuntimeException e) {
            // Setting values and credential names only: the connectors' messages never hold a credential's value.
            log.error(
                    "{}: its {} connection is refused by the connector: {}; it is not polled until it is fixed",
                    what,
                    source.platform(),
                    e.getMessage());
        }
        return Optional.empty();
    }

    private CartConnector shopify(CartConnectionConfigured connection) {
        Map<String, String> settings = connection.settings();
        Map<String, String> credentials = open(connection.sealedCredentials(), connection.credentialsContext());
        ShopifySettings defaults = ShopifySettings.of(
                settings.get("shopDomain"),
                settings.get("locationId"),
                settings.containsKey("baseUrl") ? URI.create(settings.get("baseUrl")) : null);
        String apiVersion = settings.getOrDefault("apiVersion", ShopifySettings.API_VERSION);
        ShopifySettings shopify = apiVersion.equals(defaults.apiVersion())
                ? defaults
                : new ShopifySettings(
                        defaults.shopDomain(),
                        apiVersion,
                        defaults.locationId(),
                        defaults.baseUrl(),
                        defaults.pageSize(),
                        defaults.requestTimeout(),
                        defaults.bulkThreshold());
        return new ShopifyCartConnector(
                shopify,
                new ShopifyCredentials(credentials.get("accessToken"), credentials.get("apiSecretKey")),
                clock,
                webhooks.callback("shopify", connection.tenantId(), connection.cartId()));
    }

    private WmsConnector extensiv(WmsConnectionConfigured connection) {
        ExtensivSettings settings = ExtensivSettings.from(connection.settings());
        ExtensivCredentials credentials =
                ExtensivCredentials.from(open(connection.sealedCredentials(), connection.credentialsContext()));
        return extensiv.create(new WmsRef(connection.tenantId(), connection.wmsId()), settings, credentials);
    }

    private Map<String, String> open(String sealed, byte[] context) {
        if (sealed == null) {
            throw new CredentialsUnreadable("the connection has none");
        }
        return opener.open(sealed, context);
    }
}
