package io.productsync.report.alias;

/**
 * Which aliases to list; both parts optional, exact prefixes (no wildcards).
 *
 * @param aliasPrefix  aliases starting with these characters
 * @param wmsSkuPrefix aliases whose WMS SKU starts with these characters
 */
public record AliasSearch(String aliasPrefix, String wmsSkuPrefix) {

    public static final AliasSearch ALL = new AliasSearch(null, null);
}
