package io.productsync.poller.extensiv;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

/**
 * How one Extensiv 3PL Warehouse Manager connection is read. {@code customerId} is the customer the credential was
 * created for (Extensiv scopes each REST credential to one customer, so it is not sent); {@code facilityIds} are the
 * warehouses whose available quantities are summed per SKU; {@code pageSize} is {@code pgsiz} (the vendor refuses more
 * than 500); {@code attempts} and {@code retryBackoff} bound the retries of a 5xx or a timeout.
 */
public record ExtensivSettings(
        URI baseUrl,
        long customerId,
        Set<Long> facilityIds,
        int pageSize,
        Duration requestTimeout,
        int attempts,
        Duration retryBackoff) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://secure-wms.com");
    public static final int MAX_PAGE_SIZE = 500;
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_ATTEMPTS = 3;
    static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    public ExtensivSettings {
        baseUrl = withoutTrailingSlash(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
        if (customerId <= 0) {
            throw new IllegalArgumentException("customerId must be a positive number, was " + customerId);
        }
        if (facilityIds == null || facilityIds.isEmpty()) {
            throw new IllegalArgumentException("facilityIds must name at least one facility");
        }
        if (facilityIds.stream().anyMatch(id -> id == null || id <= 0)) {
            throw new IllegalArgumentException("facilityIds must be positive numbers, was " + facilityIds);
        }
        facilityIds = Set.copyOf(facilityIds);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        requirePositive(requestTimeout, "requestTimeout");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        requirePositive(retryBackoff, "retryBackoff");
    }

    /** The vendor's production URL, pages of 500, 30 s per request, 3 attempts a second apart (then two). */
    public static ExtensivSettings of(long customerId, Set<Long> facilityIds) {
        return new ExtensivSettings(
                DEFAULT_BASE_URL,
                customerId,
                facilityIds,
                MAX_PAGE_SIZE,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_ATTEMPTS,
                DEFAULT_RETRY_BACKOFF);
    }

    /**
     * A connection's platform settings as strings: {@code customerId}, {@code facilityIds} (comma-separated), and the
     * optional {@code baseUrl}, {@code pageSize}, {@code requestTimeout} ({@code 30s}, {@code PT30S}). A bad value is
     * an {@link IllegalArgumentException} naming the field.
     */
    public static ExtensivSettings from(Map<String, String> settings) {
        ExtensivSettings defaults = of(number(settings, "customerId"), facilities(settings.get("facilityIds")));
        return new ExtensivSettings(
                settings.containsKey("baseUrl") ? url(settings.get("baseUrl")) : defaults.baseUrl(),
                defaults.customerId(),
                defaults.facilityIds(),
                settings.containsKey("pageSize") ? (int) number(settings, "pageSize") : defaults.pageSize(),
                settings.containsKey("requestTimeout")
                        ? duration(settings.get("requestTimeout"))
                        : defaults.requestTimeout(),
                defaults.attempts(),
                defaults.retryBackoff());
    }

    public ExtensivSettings withBaseUrl(URI url) {
        return new ExtensivSettings(url, customerId, facilityIds, pageSize, requestTimeout, attempts, retryBackoff);
    }

    public ExtensivSettings withPageSize(int size) {
        return new ExtensivSettings(baseUrl, customerId, facilityIds, size, requestTimeout, attempts, retryBackoff);
    }

    public ExtensivSettings withRequestTimeout(Duration timeout) {
        return new ExtensivSettings(baseUrl, customerId, facilityIds, pageSize, timeout, attempts, retryBackoff);
    }

    public ExtensivSettings withRetries(int maxAttempts, Duration backoff) {
        return new ExtensivSettings(baseUrl, customerId, facilityIds, pageSize, requestTimeout, maxAttempts, backoff);
    }

    private static URI withoutTrailingSlash(URI url) {
        String text = url.toString();
        if (!url.isAbsolute()
                || !(text.startsWith("https://") || text.startsWith("http://"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + text);
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have no query or fragment, was " + text);
        }
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    private static void requirePositive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    private static long number(Map<String, String> settings, String field) {
        String value = settings.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, was '" + value + "'");
        }
    }

    private static Set<Long> facilities(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("facilityIds is required");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : Arrays.stream(value.split(",")).map(String::strip).toList()) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "facilityIds must be whole numbers separated by commas, was '" + value + "'");
            }
        }
        return ids;
    }

    private static URI url(String value) {
        try {
            return URI.create(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: '" + value + "'");
        }
    }

    /** A bare number is refused: it would silently mean milliseconds. */
    private static Duration duration(String value) {
        try {
            if (value.strip().chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("no unit");
            }
            return DurationStyle.detectAndParse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "requestTimeout must be a duration like 30s or PT30S, was '" + value + "'");
        }
    }
}
