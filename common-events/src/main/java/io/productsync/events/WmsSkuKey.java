package io.productsync.events;

/** Key of {@code wms-inventory}: {@code tenant/wms/sku}. */
public record WmsSkuKey(String tenantId, String wmsId, String sku) {

    public WmsSkuKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(wmsId, "wmsId");
        Ids.requireSku(sku, "sku");
    }

    public String value() {
        return tenantId + "/" + wmsId + "/" + sku;
    }

    public static WmsSkuKey parse(String key) {
        String[] parts = KeyParts.split(key, 3);
        return new WmsSkuKey(parts[0], parts[1], parts[2]);
    }
}
