package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of WMS a connection reaches, as a lowercase token on the wire. */
public enum WmsPlatform {
    SANDBOX,
    EXTENSIV;

    @JsonValue
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the token and the platforms there are */
    @JsonCreator
    public static WmsPlatform ofToken(String token) {
        return Platforms.ofToken(values(), token, WmsPlatform::token);
    }

    /** Every token, for messages: {@code sandbox, ...}. */
    public static String tokens() {
        return Platforms.tokens(values(), WmsPlatform::token);
    }
}
