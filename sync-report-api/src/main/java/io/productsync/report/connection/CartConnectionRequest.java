package io.productsync.report.connection;

import java.util.Map;

/**
 * The body of {@code PUT .../carts/{cartId}}. Absent sync flags are on; absent credentials keep the ones the connection
 * has (same platform).
 *
 * @param pollInterval ISO-8601 duration, at least one second, e.g. {@code PT10S}
 */
record CartConnectionRequest(
        String platform,
        String wmsId,
        Boolean cartSyncEnabled,
        Boolean wmsSyncEnabled,
        String pollInterval,
        Map<String, String> settings,
        Map<String, String> credentials) {

    /** Never the credentials. */
    @Override
    public String toString() {
        return "CartConnectionRequest[platform=" + platform + ", wmsId=" + wmsId + ", cartSyncEnabled="
                + cartSyncEnabled + ", wmsSyncEnabled=" + wmsSyncEnabled + ", pollInterval=" + pollInterval
                + ", settings=" + settings + ", credentials=" + (credentials == null ? "none" : "<given>") + "]";
    }
}
