package io.productsync.report.connection;

import io.productsync.events.CartPlatform;
import io.productsync.events.WmsPlatform;
import io.productsync.report.web.Problems;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Request fields that are not platform settings: the platform token and the poll interval. */
final class ConnectionFields {

    private static final Duration SHORTEST_POLL = Duration.ofSeconds(1);

    private ConnectionFields() {}

    static CartPlatform cartPlatform(String token) {
        return platform(token, CartPlatform::ofToken, CartPlatform.tokens());
    }

    static WmsPlatform wmsPlatform(String token) {
        return platform(token, WmsPlatform::ofToken, WmsPlatform.tokens());
    }

    private static <P> P platform(String token, Function<String, P> ofToken, String tokens) {
        if (token == null || token.isBlank()) {
            throw Problems.badRequest("platform", "platform is required, one of " + tokens);
        }
        try {
            return ofToken.apply(token);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("platform", "platform '" + Problems.shown(token) + "' is not one of " + tokens);
        }
    }

    /** An ISO-8601 duration of at least one second. */
    static Duration pollInterval(String value) {
        if (value == null || value.isBlank()) {
            throw Problems.badRequest(
                    "pollInterval",
                    "pollInterval is required: an ISO-8601 duration of at least one second, e.g. PT10S or PT1H");
        }
        Duration interval;
        try {
            interval = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(
                    "pollInterval",
                    "pollInterval '" + Problems.shown(value) + "' is not an ISO-8601 duration, e.g. PT10S or PT1H");
        }
        if (interval.compareTo(SHORTEST_POLL) < 0) {
            throw Problems.badRequest(
                    "pollInterval", "pollInterval '" + Problems.shown(value) + "' must be at least one second (PT1S)");
        }
        return interval;
    }
}
