package io.productsync.events;

/** Key of {@code product-aliases}: {@code tenant/alias}; the alias may itself contain '/'. */
public record AliasKey(String tenantId, String alias) {

    public AliasKey {
        Ids.requireId(tenantId, "tenantId");
        Ids.requireSku(alias, "alias");
    }

    public String value() {
        return tenantId + "/" + alias;
    }

    public static AliasKey parse(String key) {
        String[] parts = KeyParts.split(key, 2);
        return new AliasKey(parts[0], parts[1]);
    }
}
