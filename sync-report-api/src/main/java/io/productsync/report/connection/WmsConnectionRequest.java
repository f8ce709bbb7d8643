package io.productsync.report.connection;

import java.util.Map;

/** The body of {@code PUT .../wms/{wmsId}}. Absent credentials keep the ones the connection has (same platform). */
record WmsConnectionRequest(String platform, Map<String, String> settings, Map<String, String> credentials) {

    /** Never the credentials. */
    @Override
    public String toString() {
        return "WmsConnectionRequest[platform=" + platform + ", settings=" + settings + ", credentials="
                + (credentials == null ? "none" : "<given>") + "]";
    }
}
