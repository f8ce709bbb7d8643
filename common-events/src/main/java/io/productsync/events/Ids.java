package io.productsync.events;

import java.time.Duration;

/** Validation shared by every event and key, so a bad id is refused where it enters. */
public final class Ids {

    private static final int MAX_ID_LENGTH = 64;
    private static final int MAX_SKU_LENGTH = 255;

    private Ids() {}

    /** Tenant, cart and WMS ids: lowercase, so {@code tenant/cart/sku} keys stay unambiguous. */
    public static String requireId(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!isId(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' must match [a-z0-9][a-z0-9_-]{0,63}");
        }
        return value;
    }

    /** {@code [a-z0-9][a-z0-9_-]{0,63}}, checked by hand: every event checks its ids, and a regular expression cost
     * more than the rest of an event's checks. */
    private static boolean isId(String value) {
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || (c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    /** A SKU (or alias) is 1-255 characters without control characters, compared exactly. */
    public static String requireSku(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_SKU_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_SKU_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + " contains a control character at position " + i);
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // Not text: UTF-8 (the wire, the files, PostgreSQL) cannot carry it.
                throw new IllegalArgumentException(
                        field + " contains half of a surrogate pair at position " + i + ", which is not valid Unicode");
            }
        }
        return value;
    }

    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static Duration requirePositive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static long requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }
}
