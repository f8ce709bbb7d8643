package io.productsync.poller.shopify;

/** The Admin API access token of a custom app. Never printed: {@link #toString()} hides it. */
public record ShopifyCredentials(String accessToken) {

    public ShopifyCredentials {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is missing");
        }
    }

    @Override
    public String toString() {
        return "ShopifyCredentials[accessToken=(hidden)]";
    }
}
