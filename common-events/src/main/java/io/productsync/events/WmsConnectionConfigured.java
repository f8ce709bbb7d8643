package io.productsync.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How a WMS is connected: its platform, settings and credentials, sealed for inventory-poller (see
 * {@link #credentialsContext()}). Topic {@code wms-connections} (compacted, key {@link WmsKey}), written by
 * sync-report-api's connection API; a tombstone disconnects the WMS.
 *
 * @param settings          the platform's settings by name, e.g. Extensiv's {@code baseUrl}, {@code customerId},
 *                          {@code facilityIds} (comma-separated)
 * @param sealedCredentials base64 of the credentials sealed with inventory-poller's public key, or null
 * @param credentialsSetAt  when those credentials were set; present exactly when they are
 * @param pollInterval      how often the WMS is polled; null (absent: records written before it existed) polls it at
 *                          the shortest interval of the carts it feeds
 */
public record WmsConnectionConfigured(
        String tenantId,
        String wmsId,
        WmsPlatform platform,
        Map<String, String> settings,
        String sealedCredentials,
        Instant credentialsSetAt,
        Instant configuredAt,
        Duration pollInterval) {

    public WmsConnectionConfigured {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(wmsId, "wmsId");
        Ids.require(platform, "platform");
        settings = ConnectionFields.settings(settings);
        ConnectionFields.requireSealed(sealedCredentials, credentialsSetAt);
        Ids.require(configuredAt, "configuredAt");
        if (pollInterval != null) {
            Ids.requirePositive(pollInterval, "pollInterval");
        }
    }

    /** Polled at the shortest interval of the carts it feeds. */
    public WmsConnectionConfigured(
            String tenantId,
            String wmsId,
            WmsPlatform platform,
            Map<String, String> settings,
            String sealedCredentials,
            Instant credentialsSetAt,
            Instant configuredAt) {
        this(tenantId, wmsId, platform, settings, sealedCredentials, credentialsSetAt, configuredAt, null);
    }

    public WmsKey key() {
        return new WmsKey(tenantId, wmsId);
    }

    /** The context info the credentials are sealed with, so they open for this WMS only. */
    public byte[] credentialsContext() {
        return key().credentialsContext();
    }

    /** Never the sealed credentials, only whether there are some. */
    @Override
    public String toString() {
        return "WmsConnectionConfigured[tenantId=" + tenantId + ", wmsId=" + wmsId + ", platform=" + platform.token()
                + ", settings=" + settings + ", sealedCredentials=" + ConnectionFields.shown(sealedCredentials)
                + ", credentialsSetAt=" + credentialsSetAt + ", configuredAt=" + configuredAt + ", pollInterval="
                + pollInterval + "]";
    }
}
