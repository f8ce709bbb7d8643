package io.productsync.events;

/** Key of {@code cart-connections}: {@code tenant/cart}. */
public record CartKey(String tenantId, String cartId) {

    public CartKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
    }

    public String value() {
        return tenantId + "/" + cartId;
    }

    public static CartKey parse(String key) {
        String[] parts = KeyParts.split(key, 2);
        return new CartKey(parts[0], parts[1]);
    }
}
