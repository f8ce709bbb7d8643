package io.productsync.report.web;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, seconds always, the fraction in groups of three digits), written
 * into a caller's buffer: {@code Instant.toString} builds about 600 bytes of intermediate objects per instant, which
 * made half the garbage of a page of the table (two instants a row) and so its garbage collections.
 */
final class InstantText {

    /** The longest text for years 1-9999: {@code 2026-11-27T09:15:30.123456789Z}. */
    static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long DAYS_0000_TO_1970 = 719_468;
    private static final long DAYS_PER_400_YEARS = 146_097;

    private InstantText() {}

    /**
     * Writes the instant's text at the start of {@code out} (at least {@link #MAX_LENGTH} long) and returns its
     * length, or -1 for a year outside 1-9999 (written with a sign or more digits: use {@code toString} then).
     */
    static int write(Instant instant, char[] out) {
        long days = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        // The proleptic Gregorian date of a day count (H. Hinnant's days_from_civil, inverted), in eras of 400 years.
        long shifted = days + DAYS_0000_TO_1970;
        long era = Math.floorDiv(shifted, DAYS_PER_400_YEARS);
        int dayOfEra = (int) (shifted - era * DAYS_PER_400_YEARS);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * marchMonth + 2) / 5 + 1;
        int month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return -1;
        }
        digits(out, 0, (int) year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int length = 19;
        int nano = instant.getNano();
        if (nano != 0) {
            out[length++] = '.';
            if (nano % 1_000_000 == 0) {
                length = digits(out, length, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                length = digits(out, length, nano / 1_000, 6);
            } else {
                length = digits(out, length, nano, 9);
            }
        }
        out[length++] = 'Z';
        return length;
    }

    /** {@code value} in exactly {@code width} decimal digits at {@code at}; returns the index after them. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
