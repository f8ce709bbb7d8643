package io.productsync.events;

import java.nio.charset.StandardCharsets;

/** Key of {@code wms-connections}: {@code tenant/wms}. */
public record WmsKey(String tenantId, String wmsId) {

    public WmsKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(wmsId, "wmsId");
    }

    public String value() {
        return tenantId + "/" + wmsId;
    }

    /**
     * The context info a WMS's credentials are sealed with: UTF-8 of {@code tenant/wms/wmsId} (its {@link SourceKey}),
     * so a ciphertext opens for this WMS only.
     */
    public byte[] credentialsContext() {
        return new SourceKey(tenantId, SourceKind.WMS, wmsId).value().getBytes(StandardCharsets.UTF_8);
    }

    public static WmsKey parse(String key) {
        String[] parts = KeyParts.split(key, 2);
        return new WmsKey(parts[0], parts[1]);
    }
}
