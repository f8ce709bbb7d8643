package io.productsync.report.connection;

import io.productsync.events.Topics;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import io.productsync.events.WmsPlatform;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Creates, replaces and disconnects WMS connections on the compacted wms-connections topic (this service is its only
 * writer), each change checked first and returned once Kafka has stored it and the read model shows it, so a cart
 * naming the WMS right after the answer is accepted (and refused right after a disconnect).
 */
@Component
class WmsConnections {

    private static final LogAccessor LOG = new LogAccessor(WmsConnections.class);

    private final ConnectionReadModel connections;
    private final ConnectionCredentials credentials;
    private final EventPublisher events;
    private final ReadModelWait readModel;
    private final Clock clock;

    WmsConnections(
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

    Stored<WmsConnectionConfigured> put(String tenantId, String wmsId, WmsConnectionRequest body) {
        WmsKey key = key(tenantId, wmsId);
        WmsPlatform platform = ConnectionFields.wmsPlatform(body.platform());
        PlatformRules rules = PlatformRules.of(platform);
        Map<String, String> settings = rules.settings(body.settings());
        Duration pollInterval = body.pollInterval() == null ? null : ConnectionFields.pollInterval(body.pollInterval());
        Optional<WmsConnectionConfigured> existing = connections.wms(tenantId, wmsId);
        SealedCredentials kept = existing.filter(w -> w.platform() == platform)
                .map(w -> new SealedCredentials(w.sealedCredentials(), w.credentialsSetAt()))
                .orElse(SealedCredentials.NONE);
        // millisecond precision: what the read model (PostgreSQL, microseconds) gives back equals what was published
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SealedCredentials sealed = credentials.resolve(rules, body.credentials(), kept, key.credentialsContext(), now);
        var connection = new WmsConnectionConfigured(
                tenantId, wmsId, platform, settings, sealed.ciphertext(), sealed.setAt(), now, pollInterval);
        events.publish(Topics.WMS_CONNECTIONS, key.value(), connection);
        LOG.info(() -> "WMS " + key.value() + " connected: " + connection);
        readModel.untilShown(
                () -> connections.wms(tenantId, wmsId).map(WmsConnectionConfigured::configuredAt),
                now,
                "WMS '" + key.value() + "' connected");
        return new Stored<>(connection, existing.isEmpty());
    }

    WmsConnectionConfigured find(String tenantId, String wmsId) {
        key(tenantId, wmsId);
        return connections
                .wms(tenantId, wmsId)
                .orElseThrow(() -> Problems.notFound("tenant '" + tenantId + "' has no connected WMS '" + wmsId + "'"));
    }

    /** Refused while a cart names the WMS: the cart would be left without the WMS that feeds it. */
    void disconnect(String tenantId, String wmsId) {
        WmsConnectionConfigured connected = find(tenantId, wmsId);
        WmsKey key = connected.key();
        List<String> fed = connections.cartsFedBy(tenantId, wmsId);
        if (!fed.isEmpty()) {
            throw Problems.of(
                    HttpStatus.CONFLICT,
                    "WMS '" + wmsId + "' still feeds cart " + String.join(", ", fed)
                            + ": point those carts at another WMS or disconnect them first");
        }
        events.publish(Topics.WMS_CONNECTIONS, key.value(), null);
        LOG.info(() -> "WMS " + key.value() + " disconnected");
        readModel.untilGone(
                () -> connections.wms(tenantId, wmsId).map(WmsConnectionConfigured::configuredAt),
                connected.configuredAt(),
                "WMS '" + key.value() + "' disconnected");
    }

    private static WmsKey key(String tenantId, String wmsId) {
        return new WmsKey(RequestParams.id(tenantId, "tenantId"), RequestParams.id(wmsId, "wmsId"));
    }
}
