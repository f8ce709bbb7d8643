package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How a cart is connected: its platform and settings, which WMS feeds it, whether inventory sync is on at either end,
 * how often it is polled, and its credentials, sealed for inventory-poller (see {@link #credentialsContext()}). Topic
 * {@code cart-connections} (compacted); a tombstone disconnects the cart.
 *
 * <p>{@code platform}, {@code settings}, {@code sealedCredentials} and {@code credentialsSetAt} were added later:
 * absent, the platform is {@code sandbox}, the settings are empty and there are no credentials.
 *
 * @param settings          the platform's settings by name, e.g. Shopify's {@code shopDomain}, {@code apiVersion},
 *                          {@code locationId}, {@code baseUrl}
 * @param sealedCredentials base64 of the credentials sealed with inventory-poller's public key, or null
 * @param credentialsSetAt  when those credentials were set; present exactly when they are
 */
public record CartConnectionConfigured(
        String tenantId,
        String cartId,
        String wmsId,
        @JsonProperty(required = true) boolean cartSyncEnabled,
        @JsonProperty(required = true) boolean wmsSyncEnabled,
        Duration pollInterval,
        Instant configuredAt,
        CartPlatform platform,
        Map<String, String> settings,
        String sealedCredentials,
        Instant credentialsSetAt) {

    public CartConnectionConfigured {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireId(wmsId, "wmsId");
        Ids.requirePositive(pollInterval, "pollInterval");
        Ids.require(configuredAt, "configuredAt");
        platform = platform == null ? CartPlatform.SANDBOX : platform;
        settings = ConnectionFields.settings(settings);
        ConnectionFields.requireSealed(sealedCredentials, credentialsSetAt);
    }

    /** A sandbox connection: no settings, no credentials (the form written before platforms existed). */
    public CartConnectionConfigured(
            String tenantId,
            String cartId,
            String wmsId,
            boolean cartSyncEnabled,
            boolean wmsSyncEnabled,
            Duration pollInterval,
            Instant configuredAt) {
        this(
                tenantId,
                cartId,
                wmsId,
                cartSyncEnabled,
                wmsSyncEnabled,
                pollInterval,
                configuredAt,
                CartPlatform.SANDBOX,
                Map.of(),
                null,
                null);
    }

    public CartKey key() {
        return new CartKey(tenantId, cartId);
    }

    public boolean syncEnabled() {
        return cartSyncEnabled && wmsSyncEnabled;
    }

    /** The context info the credentials are sealed with, so they open for this cart only. */
    public byte[] credentialsContext() {
        return key().credentialsContext();
    }

    /** Never the sealed credentials, only whether there are some. */
    @Override
    public String toString() {
        return "CartConnectionConfigured[tenantId=" + tenantId + ", cartId=" + cartId + ", wmsId=" + wmsId
                + ", cartSyncEnabled=" + cartSyncEnabled + ", wmsSyncEnabled=" + wmsSyncEnabled + ", pollInterval="
                + pollInterval + ", configuredAt=" + configuredAt + ", platform=" + platform.token() + ", settings="
                + settings + ", sealedCredentials=" + ConnectionFields.shown(sealedCredentials)
                + ", credentialsSetAt=" + credentialsSetAt + "]";
    }
}
