package io.productsync.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

/**
 * The canonical ISO-8601 UTC text of an instant, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with a four-digit year, by
 * hand: what {@code DateTimeFormatter.ISO_INSTANT} writes (a fraction of 0, 3, 6 or 9 digits, as few as the value
 * needs), without its general formatter machinery. Everything else (other years, other forms of input) is not
 * canonical, and the caller falls back to Jackson's own java.time handling. Also the report's API JSON writes its
 * instants with it: {@code Instant.toString} builds about 600 bytes of intermediate objects per instant.
 */
public final class CanonicalInstantText {

    /** {@code 2026-11-27T09:15:30.123456789Z}. */
    public static final int MAX_LENGTH = 30;

    private static final int SECONDS_PER_DAY = 86_400;
    private static final long YEAR_0000 = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long YEAR_10000 = LocalDate.of(10000, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private CanonicalInstantText() {}

    /** Writes the canonical text into {@code out} (at least {@link #MAX_LENGTH} long); -1 if the year is not 0-9999. */
    public static int write(Instant instant, char[] out) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < YEAR_0000 || epochSecond >= YEAR_10000) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int length = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            out[length++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(out, length, nano / 1_000_000, 3);
                length += 3;
            } else if (nano % 1_000 == 0) {
                digits(out, length, nano / 1_000, 6);
                length += 6;
            } else {
                digits(out, length, nano, 9);
                length += 9;
            }
        }
        out[length++] = 'Z';
        return length;
    }

    /** The instant of canonical text (upper-case T and Z, a real date, 1-9 fraction digits), else null. */
    static Instant parse(char[] text, int offset, int length) {
        if (length < 20 || length > MAX_LENGTH || length == 21 || text[offset + length - 1] != 'Z') {
            return null;
        }
        int year = number(text, offset, 4);
        int month = number(text, offset + 5, 2);
        int day = number(text, offset + 8, 2);
        int hour = number(text, offset + 11, 2);
        int minute = number(text, offset + 14, 2);
        int second = number(text, offset + 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || text[offset + 4] != '-'
                || text[offset + 7] != '-'
                || text[offset + 10] != 'T'
                || text[offset + 13] != ':'
                || text[offset + 16] != ':'
                || month < 1
                || month > 12
                || day < 1
                || day > daysInMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = number(text, offset + 20, fractionDigits);
            if (text[offset + 19] != '.' || fraction < 0) {
                return null;
            }
            nano = fraction * POWERS_OF_TEN[9 - fractionDigits];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, nano);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} ASCII digits (at most 9), or -1 if one is not a digit. */
    private static int number(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void digits(char[] out, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
