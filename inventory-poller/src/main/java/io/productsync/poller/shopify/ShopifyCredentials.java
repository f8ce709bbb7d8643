package io.productsync.poller.shopify;

/**
 * The Admin API access token of a custom app and, optionally, the app's API secret key, which signs the webhooks
 * Shopify sends (without it no webhook is accepted). Never printed: {@link #toString()} hides both.
 */
public record ShopifyCredentials(String accessToken, String apiSecretKey) {

    public ShopifyCredentials {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is missing");
        }
        if (apiSecretKey != null && apiSecretKey.isBlank()) {
            apiSecretKey = null;
        }
    }

    public ShopifyCredentials(String accessToken) {
        this(accessToken, null);
    }

    @Override
    public String toString() {
        return "ShopifyCredentials[accessToken=(hidden), apiSecretKey=" + (apiSecretKey == null ? "none" : "(hidden)")
                + "]";
    }
}
