package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What kind of cart a connection reaches, as a lowercase token on the wire. BigCommerce and WooCommerce join as new
 * constants when their connectors do.
 */
public enum CartPlatform {
    SANDBOX,
    SHOPIFY;

    @JsonValue
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the token and the platforms there are */
    @JsonCreator
    public static CartPlatform ofToken(String token) {
        return Platforms.ofToken(values(), token, CartPlatform::token);
    }

    /** Every token, for messages: {@code sandbox, ...}. */
    public static String tokens() {
        return Platforms.tokens(values(), CartPlatform::token);
    }
}
