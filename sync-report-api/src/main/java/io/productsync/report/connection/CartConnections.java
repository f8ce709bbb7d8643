package io.productsync.report.connection;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.CartPlatform;
import io.productsync.events.Topics;
import io.productsync.report.system.EventPublisher;
import io.productsync.report.web.Problems;
import io.productsync.report.web.RequestParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Component;

/**
 * Creates, replaces and disconnects cart connections on the compacted cart-connections topic, each change checked
 * first (a 400 naming the field, nothing published) and returned once Kafka has stored it and the read model shows it
 * (so disconnecting the cart's WMS right after the answer is refused while the cart names it).
 */
@Component
public class CartConnections {

    private static final LogAccessor LOG = new LogAccessor(CartConnections.class);

    private final ConnectionReadModel connections;
    private final ConnectionCredentials credentials;
    private final EventPublisher events;
    private final ReadModelWait readModel;
    private final Clock clock;

    CartConnections(
            ConnectionReadModel connections,
            ConnectionCredentials credentials,
            EventPublisher events,
            ReadModelWait readModel,
            Clock clock) {
        this.connections = connections;
        this.credentials = credentials;
        this.events = events;
        this.readModel = readModel;
        this.clock = clock;
    }

    Stored<CartConnectionConfigured> put(String tenantId, String cartId, CartConnectionRequest body) {
        CartKey key = key(tenantId, cartId);
        CartPlatform platform = ConnectionFields.cartPlatform(body.platform());
        PlatformRules rules = PlatformRules.of(platform);
        String wmsId = wmsId(tenantId, body.wmsId());
        Duration pollInterval = ConnectionFields.pollInterval(body.pollInterval());
        Map<String, String> settings = rules.settings(body.settings());
        Optional<CartConnectionConfigured> existing = connections.cart(tenantId, cartId);
        SealedCredentials kept = existing.filter(c -> c.platform() == platform)
                .map(c -> new SealedCredentials(c.sealedCredentials(), c.credentialsSetAt()))
                .orElse(SealedCredentials.NONE);
        // millisecond precision: what the read model (PostgreSQL, microseconds) gives back equals what was published
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SealedCredentials sealed = credentials.resolve(rules, body.credentials(), kept, key.credentialsContext(), now);
        var connection = new CartConnectionConfigured(
                tenantId,
                cartId,
                wmsId,
                body.cartSyncEnabled() == null || body.cartSyncEnabled(),
                body.wmsSyncEnabled() == null || body.wmsSyncEnabled(),
                pollInterval,
                now,
                platform,
                settings,
                sealed.ciphertext(),
                sealed.setAt());
        events.publish(Topics.CART_CONNECTIONS, key.value(), connection);
        LOG.info(() -> "cart " + key.value() + " connected: " + connection);
        readModel.untilShown(
                () -> connections.cart(tenantId, cartId).map(CartConnectionConfigured::configuredAt),
                now,
                "cart '" + key.value() + "' connected");
        return new Stored<>(connection, existing.isEmpty());
    }

    /** The tenant's carts as the API and the pages show them, in id order. */
    public List<CartConnectionView> list(String tenantId) {
        RequestParams.id(tenantId, "tenantId");
        return connections.carts(tenantId).stream().map(CartConnectionView::of).toList();
    }

    CartConnectionConfigured find(String tenantId, String cartId) {
        key(tenantId, cartId);
        return connections.cart(tenantId, cartId).orElseThrow(() -> notConnected(tenantId, cartId));
    }

    /** Publishes the tombstone; the matcher then takes the cart's rows out of the table. */
    void disconnect(String tenantId, String cartId) {
        CartConnectionConfigured connected = find(tenantId, cartId);
        CartKey key = connected.key();
        events.publish(Topics.CART_CONNECTIONS, key.value(), null);
        LOG.info(() -> "cart " + key.value() + " disconnected");
        readModel.untilGone(
                () -> connections.cart(tenantId, cartId).map(CartConnectionConfigured::configuredAt),
                connected.configuredAt(),
                "cart '" + key.value() + "' disconnected");
    }

    private String wmsId(String tenantId, String wmsId) {
        if (wmsId == null) {
            throw Problems.badRequest("wmsId", "wmsId is required: the WMS that feeds this cart");
        }
        RequestParams.id(wmsId, "wmsId");
        if (!connections.wmsKnown(tenantId, wmsId)) {
            throw Problems.badRequest(
                    "wmsId",
                    "WMS '" + wmsId + "' does not exist in tenant '" + tenantId + "': connect it first (PUT /api/v1/"
                            + "tenants/" + tenantId + "/wms/" + wmsId + ")");
        }
        return wmsId;
    }

    private static CartKey key(String tenantId, String cartId) {
        return new CartKey(RequestParams.id(tenantId, "tenantId"), RequestParams.id(cartId, "cartId"));
    }

    private static RuntimeException notConnected(String tenantId, String cartId) {
        return Problems.notFound("tenant '" + tenantId + "' has no connected cart '" + cartId + "'");
    }
}
