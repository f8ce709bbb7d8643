package io.productsync.events;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one token lookup of the platform enums. */
final class Platforms {

    private Platforms() {}

    static <P> P ofToken(P[] platforms, String token, Function<P, String> tokenOf) {
        for (P platform : platforms) {
            if (tokenOf.apply(platform).equals(token)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("platform '" + token + "' is not one of " + tokens(platforms, tokenOf));
    }

    static <P> String tokens(P[] platforms, Function<P, String> tokenOf) {
        return Arrays.stream(platforms).map(tokenOf).collect(Collectors.joining(", "));
    }
}
