package io.productsync.report.connection;

import java.util.Map;

/**
 * The body of {@code PUT .../wms/{wmsId}}. Absent credentials keep the ones the connection has (same platform).
 *
 * @param pollInterval ISO-8601 duration of at least one second, or absent: polled at the shortest interval of the
 *     carts it feeds
 */
record WmsConnectionRequest(
        String platform, Map<String, String> settings, Map<String, String> credentials, String pollInterval) {

    /** Never the credentials. */
    @Override
    public String toString() {
        return "WmsConnectionRequest[platform=" + platform + ", settings=" + settings + ", credentials="
                + (credentials == null ? "none" : "<given>") + ", pollInterval=" + pollInterval + "]";
    }
}
