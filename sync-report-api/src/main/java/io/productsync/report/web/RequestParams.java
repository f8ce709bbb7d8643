package io.productsync.report.web;

import io.productsync.events.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/** Query and path values checked one by one, each failure a 400 that names the value and what is allowed. */
final class RequestParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private RequestParams() {}

    static String id(String value, String field) {
        try {
            return Ids.requireId(value, field);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw Problems.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + value + "'");
    }

    static Boolean optionalBoolean(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.badRequest(field + " must be true or false, was '" + value + "'");
        };
    }

    static <E extends Enum<E>> E optionalEnum(String value, Class<E> type, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(field + " '" + value + "' is not one of " + names(type));
        }
    }

    static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The cursor is the last key of the previous page, base64url so any SKU travels safely in a query string. */
    static String cursor(String lastKey) {
        return lastKey == null
                ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    static String after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("after must be the 'next' value of a previous page, was '" + cursor + "'");
        }
    }

    /** A {@code {*name}} path capture starts with '/'; the value is the rest, slashes included. */
    static String rest(String captured, String field) {
        String value = captured == null ? "" : captured.startsWith("/") ? captured.substring(1) : captured;
        try {
            return Ids.requireSku(value, field);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }
}
