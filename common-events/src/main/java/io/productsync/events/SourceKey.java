package io.productsync.events;

/** Key of the snapshot-hold topics: {@code tenant/cart/cartId} or {@code tenant/wms/wmsId}. */
public record SourceKey(String tenantId, SourceKind kind, String sourceId) {

    public SourceKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.require(kind, "sourceKind");
        Ids.requireId(sourceId, "sourceId");
    }

    public String value() {
        return tenantId + "/" + kind.token() + "/" + sourceId;
    }

    public static SourceKey parse(String key) {
        String[] parts = KeyParts.split(key, 3);
        return new SourceKey(parts[0], SourceKind.ofToken(parts[1]), parts[2]);
    }
}
