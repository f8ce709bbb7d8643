package io.productsync.poller.connector;

import java.time.Duration;

/**
 * The source asked us to slow down (Shopify THROTTLED, BigCommerce 429 + X-Retry-After, a Retry-After header). The
 * caller waits {@code retryAfter} and repeats the same call; nothing is lost.
 */
public class ThrottledException extends ConnectorException {

    private final Duration retryAfter;

    public ThrottledException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
