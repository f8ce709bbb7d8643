package io.productsync.poller.sandbox;

import io.productsync.events.Ids;
import io.productsync.poller.connector.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * The optional {@code <tenant>/carts/<cart>.properties} beside a cart CSV: {@code key=value} lines (or
 * {@code key: value}), {@code #} or {@code !} comments, blank lines ignored. Read line by line rather than with
 * {@link java.util.Properties} so every problem names its line. A file with any problem gives no settings at all:
 * applying half of it could turn a sync back on that the person meant to keep off.
 */
final class CartSettingsFile {

    static final String SUFFIX = ".properties";
    private static final String KEYS = "cart-sync, wms-sync, wms, poll-interval";

    /** A cart's settings, every default applied. */
    record CartSettings(String wmsId, boolean cartSync, boolean wmsSync, Duration pollInterval) {

        Connection connection(String tenantId, String cartId) {
            return new Connection(tenantId, cartId, wmsId, cartSync, wmsSync, pollInterval);
        }
    }

    /** The settings when the file is absent or good (problems empty); otherwise null and one line per problem. */
    record Result(CartSettings settings, List<String> problems) {}

    private CartSettingsFile() {}

    /** {@code wmsIds}: the tenant's WMS ids sorted by name, never empty; the first is the default. */
    static Result read(Path file, List<String> wmsIds, Duration defaultPollInterval) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            lines = List.of();
        } catch (IOException e) {
            return new Result(null, List.of(file + ": cannot be read (" + e + "); write it as UTF-8 key=value lines"));
        }
        Parser parser = new Parser(file, wmsIds, defaultPollInterval);
        for (int i = 0; i < lines.size(); i++) {
            parser.line(i + 1, i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i));
        }
        return parser.problems.isEmpty()
                ? new Result(
                        new CartSettings(parser.wms, parser.cartSync, parser.wmsSync, parser.pollInterval), List.of())
                : new Result(null, List.copyOf(parser.problems));
    }

    private static final class Parser {

        private final Path file;
        private final List<String> wmsIds;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Integer> lineOfKey = new HashMap<>();
        private String wms;
        private boolean cartSync = true;
        private boolean wmsSync = true;
        private Duration pollInterval;

        Parser(Path file, List<String> wmsIds, Duration defaultPollInterval) {
            this.file = file;
            this.wmsIds = wmsIds;
            this.wms = wmsIds.get(0);
            this.pollInterval = defaultPollInterval;
        }

        void line(int number, String line) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                return;
            }
            try {
                int separator = separator(text);
                if (separator < 0) {
                    throw new IllegalArgumentException("'" + text + "' is not key=value; write e.g. cart-sync=off");
                }
                String key = text.substring(0, separator).strip().toLowerCase(Locale.ROOT);
                String value = text.substring(separator + 1).strip();
                Integer first = lineOfKey.putIfAbsent(key, number);
                if (first != null) {
                    throw new IllegalArgumentException(
                            key + " is already set on line " + first + "; keep one of the two");
                }
                switch (key) {
                    case "cart-sync" -> cartSync = flag(key, value);
                    case "wms-sync" -> wmsSync = flag(key, value);
                    case "wms" -> wms = wms(value);
                    case "poll-interval" -> pollInterval = duration(key, value);
                    default -> throw new IllegalArgumentException("unknown key '" + key + "'; write one of " + KEYS);
                }
            } catch (IllegalArgumentException e) {
                problems.add(file + " line " + number + ": " + e.getMessage());
            }
        }

        private static int separator(String text) {
            int equals = text.indexOf('=');
            int colon = text.indexOf(':');
            return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
        }

        private static boolean flag(String key, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default ->
                    throw new IllegalArgumentException(key + " '" + value + "' is not on or off; write " + key
                            + "=on or " + key + "=off (true/false, yes/no, 1/0 also work)");
            };
        }

        private String wms(String value) {
            if (!wmsIds.contains(value)) {
                Path wmsDir = file.getParent().resolveSibling("wms");
                throw new IllegalArgumentException("wms '" + value + "' has no file " + wmsDir.resolve(value + ".csv")
                        + "; write "
                        + String.join(
                                " or ", wmsIds.stream().map(id -> "wms=" + id).toList()));
            }
            return value;
        }

        /** Spring's forms ({@code 30s}, {@code 5m}, {@code PT30S}), but a bare number is refused: 30 would mean 30 ms. */
        private static Duration duration(String key, String value) {
            String example = "; write e.g. " + key + "=30s, " + key + "=5m or " + key + "=PT30S";
            if (value.matches("[+-]?\\d+")) {
                throw new IllegalArgumentException(key + " '" + value + "' has no unit" + example);
            }
            Duration duration;
            try {
                duration = DurationStyle.detectAndParse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " '" + value + "' is not a duration" + example);
            }
            try {
                return Ids.requirePositive(duration, key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + example);
            }
        }
    }
}
