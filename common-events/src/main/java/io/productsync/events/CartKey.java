package io.productsync.events;

import java.nio.charset.StandardCharsets;

/** Key of {@code cart-connections}: {@code tenant/cart}. */
public record CartKey(String tenantId, String cartId) {

    public CartKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireId(cartId, "cartId");
    }

    public String value() {
        return tenantId + "/" + cartId;
    }

    /**
     * The context info a cart's credentials are sealed with: UTF-8 of {@code tenant/cart/cartId} (its
     * {@link SourceKey}), so a ciphertext opens for this cart only, never for another cart or for a WMS of that id.
     */
    public byte[] credentialsContext() {
        return new SourceKey(tenantId, SourceKind.CART, cartId).value().getBytes(StandardCharsets.UTF_8);
    }

    public static CartKey parse(String key) {
        String[] parts = KeyParts.split(key, 2);
        return new CartKey(parts[0], parts[1]);
    }
}
