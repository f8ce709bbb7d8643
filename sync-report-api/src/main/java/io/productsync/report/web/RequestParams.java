package io.productsync.report.web;

import io.productsync.events.Ids;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.syncstatus.SyncFilter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Query and path values checked one by one before anything reaches the database, each failure a 400 that names the
 * value and what is allowed. An absent parameter takes its default; a present one must be valid, even when blank.
 */
public final class RequestParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private RequestParams() {}

    /** A tenant, cart or WMS id; a 400 naming the field when it does not match the id rule. */
    public static String id(String value, String field) {
        try {
            return Ids.requireId(value, field);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(field, e.getMessage());
        }
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw Problems.badRequest(
                "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + Problems.shown(value) + "'");
    }

    static Boolean optionalBoolean(String value, String field) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.badRequest(field + " must be true or false, was '" + Problems.shown(value) + "'");
        };
    }

    static <E extends Enum<E>> E optionalEnum(String value, Class<E> type, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(field + " '" + Problems.shown(value) + "' is not one of " + names(type));
        }
    }

    static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** SKUs starting with exactly these characters; a SKU's own rules apply (PostgreSQL refuses NUL in text). */
    static String skuPrefix(String value) {
        return prefix(value, "skuPrefix", "SKU");
    }

    /** An exact prefix (no wildcards) named {@code field}: absent, or 1-255 characters without control characters. */
    static String prefix(String value, String field, String listed) {
        if (value != null && value.isEmpty()) {
            throw Problems.badRequest(field + " must not be empty: leave it out to list every " + listed);
        }
        return value == null ? null : sku(value, field);
    }

    /** A form sends its empty fields as empty values: they mean "any", as an absent parameter does. */
    static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The table's filters, each checked as the API documents it. */
    static SyncFilter filter(String never, String reason, String skuPrefix, String outcome) {
        return new SyncFilter(
                optionalBoolean(never, "never"),
                optionalEnum(reason, SyncReason.class, "reason"),
                skuPrefix(skuPrefix),
                optionalEnum(outcome, SyncOutcome.class, "outcome"));
    }

    /** The cursor is the last key of the previous page, base64url so any SKU travels safely in a query string. */
    static String cursor(String lastKey) {
        return lastKey == null
                ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor names: what {@link #cursor} wrote, a SKU or alias in UTF-8, nothing else. */
    static String after(String cursor) {
        if (cursor == null) {
            return null;
        }
        String key;
        try {
            key = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
                    .toString();
            Ids.requireSku(key, "after");
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw Problems.badRequest(
                    "after must be the 'next' value of a previous page, was '" + Problems.shown(cursor) + "'");
        }
        return key;
    }

    /** A {@code {*name}} path capture starts with '/'; the value is the rest, slashes included. */
    static String rest(String captured, String field) {
        String value = captured == null ? "" : captured.startsWith("/") ? captured.substring(1) : captured;
        return sku(value, field);
    }

    private static String sku(String value, String field) {
        try {
            return Ids.requireSku(value, field);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }
}
