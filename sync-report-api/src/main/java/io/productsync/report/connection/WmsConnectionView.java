package io.productsync.report.connection;

import io.productsync.events.WmsConnectionConfigured;
import java.time.Instant;
import java.util.Map;

/** A WMS connection as the API shows it: whether credentials are set and since when, never the credentials. */
record WmsConnectionView(
        String wmsId,
        String platform,
        Map<String, String> settings,
        boolean credentialsSet,
        Instant credentialsSetAt,
        Instant configuredAt,
        String pollInterval) {

    static WmsConnectionView of(WmsConnectionConfigured w) {
        return new WmsConnectionView(
                w.wmsId(),
                w.platform().token(),
                w.settings(),
                w.sealedCredentials() != null,
                w.credentialsSetAt(),
                w.configuredAt(),
                w.pollInterval() == null ? null : w.pollInterval().toString());
    }
}
