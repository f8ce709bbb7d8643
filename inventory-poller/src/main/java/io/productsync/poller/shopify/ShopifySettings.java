package io.productsync.poller.shopify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach one Shopify store. {@code baseUrl} (optional) replaces {@code https://<shopDomain>} for fakes and
 * proxies; without it the shop domain must be a {@code *.myshopify.com} name. A store with more than
 * {@code bulkThreshold} variants is read with a bulk operation instead of pages.
 */
public record ShopifySettings(
        String shopDomain,
        String apiVersion,
        String locationId,
        URI baseUrl,
        int pageSize,
        Duration requestTimeout,
        int bulkThreshold) {

    /** The Admin API version this connector is written against: the one place it is pinned. */
    public static final String API_VERSION = "2026-04";

    /** Shopify's page size limit, and the limit of input arrays (https://shopify.dev/docs/api/usage/limits). */
    public static final int MAX_PAGE_SIZE = 250;

    /** Stores with more variants than this are read in bulk by default. */
    public static final int DEFAULT_BULK_THRESHOLD = 10_000;

    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
    private static final Pattern API_VERSION_FORMAT = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern LOCATION_GID = Pattern.compile("gid://shopify/Location/\\d+");

    public ShopifySettings {
        Objects.requireNonNull(shopDomain, "shopDomain");
        if (baseUrl == null && !SHOP_DOMAIN.matcher(shopDomain).matches()) {
            throw new IllegalArgumentException(
                    "shopDomain '" + shopDomain + "' is not a <name>.myshopify.com domain (set baseUrl to test)");
        }
        if (apiVersion == null || !API_VERSION_FORMAT.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("apiVersion '" + apiVersion + "' is not YYYY-MM");
        }
        if (locationId != null && locationId.chars().allMatch(Character::isDigit) && !locationId.isEmpty()) {
            locationId = "gid://shopify/Location/" + locationId;
        }
        if (locationId == null || !LOCATION_GID.matcher(locationId).matches()) {
            throw new IllegalArgumentException(
                    "locationId '" + locationId + "' is neither a location number nor gid://shopify/Location/<n>");
        }
        if (baseUrl != null && !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not an http(s) URL");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize " + pageSize + " is not between 1 and " + MAX_PAGE_SIZE);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (bulkThreshold < 0 || bulkThreshold == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bulkThreshold " + bulkThreshold + " is not between 0 and "
                    + (Integer.MAX_VALUE - 1) + " variants");
        }
    }

    /** A store at the pinned API version, pages of 250, 30 s per request, bulk reads over 10,000 variants. */
    public static ShopifySettings of(String shopDomain, String locationId, URI baseUrl) {
        return new ShopifySettings(
                shopDomain,
                API_VERSION,
                locationId,
                baseUrl,
                MAX_PAGE_SIZE,
                Duration.ofSeconds(30),
                DEFAULT_BULK_THRESHOLD);
    }

    public ShopifySettings withPageSize(int size) {
        return new ShopifySettings(shopDomain, apiVersion, locationId, baseUrl, size, requestTimeout, bulkThreshold);
    }

    public ShopifySettings withBulkThreshold(int variants) {
        return new ShopifySettings(shopDomain, apiVersion, locationId, baseUrl, pageSize, requestTimeout, variants);
    }

    /** {@code POST} here: {@code <base>/admin/api/<version>/graphql.json}. */
    public URI graphqlEndpoint() {
        String base = baseUrl != null ? baseUrl.toString() : "https://" + shopDomain;
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/admin/api/" + apiVersion + "/graphql.json");
    }
}
