package io.productsync.events;

/** Key of {@code cart-inventory}, {@code cart-inventory-pushes} and {@code sync-results}: {@code tenant/cart/sku}. */
public record CartSkuKey(String tenantId, String cartId, String sku) {

    public CartSkuKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
        Ids.requireSku(sku, "sku");
    }

    public String value() {
        return tenantId + "/" + cartId + "/" + sku;
    }

    public CartKey cart() {
        return new CartKey(tenantId, cartId);
    }

    /** Ids cannot hold '/', so everything after the second '/' is the SKU, slashes included. */
    public static CartSkuKey parse(String key) {
        String[] parts = KeyParts.split(key, 3);
        return new CartSkuKey(parts[0], parts[1], parts[2]);
    }
}
