package io.productsync.report.connection;

import io.productsync.events.CartConnectionConfigured;
import java.time.Instant;
import java.util.Map;

/** A cart connection as the API shows it: whether credentials are set and since when, never the credentials. */
public record CartConnectionView(
        String cartId,
        String platform,
        String wmsId,
        boolean cartSyncEnabled,
        boolean wmsSyncEnabled,
        String pollInterval,
        Map<String, String> settings,
        boolean credentialsSet,
        Instant credentialsSetAt,
        Instant configuredAt) {

    static CartConnectionView of(CartConnectionConfigured c) {
        return new CartConnectionView(
                c.cartId(),
                c.platform().token(),
                c.wmsId(),
                c.cartSyncEnabled(),
                c.wmsSyncEnabled(),
                c.pollInterval().toString(),
                c.settings(),
                c.sealedCredentials() != null,
                c.credentialsSetAt(),
                c.configuredAt());
    }
}
