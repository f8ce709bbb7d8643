package io.productsync.matcher.matching;

/**
 * The keys the matcher builds from events it has already read (and so validated), in the format of common-events' key
 * records ({@code CartKey}, {@code AliasKey}, {@code WmsSkuKey}, {@code CartSkuKey}) but without checking every id
 * against its pattern again: a decision builds several keys, and each check is a regular expression per id.
 */
final class Keys {

    private Keys() {}

    /** {@code tenant/cart}. */
    static String cart(String tenantId, String cartId) {
        return tenantId + "/" + cartId;
    }

    /** {@code tenant/alias}. */
    static String alias(String tenantId, String alias) {
        return tenantId + "/" + alias;
    }

    /** {@code tenant/cart/sku} or {@code tenant/wms/sku}. */
    static String sku(String tenantId, String ownerId, String sku) {
        return tenantId + "/" + ownerId + "/" + sku;
    }

    /** The tenant of any of these keys (ids cannot hold '/'). */
    static String tenant(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** The SKU of a {@code tenant/owner/sku} key: everything after the second '/', slashes included. */
    static String skuOf(String key) {
        return key.substring(key.indexOf('/', key.indexOf('/') + 1) + 1);
    }
}
