package io.productsync.poller.extensiv;

import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.ThrottledException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange with Extensiv, bounded in time: a 5xx, a timeout or a broken connection is tried again up to
 * {@code attempts} times with a doubling back-off, then it is a {@link ConnectorException} saying what happened; a 429
 * is a {@link ThrottledException} (Extensiv publishes no limit, so its {@code Retry-After} is honoured when present).
 * Every other answer goes back to the caller. Nothing here sees a header value: messages carry the status and the
 * vendor's words, redacted.
 */
final class ExtensivHttp {

    private static final Logger log = LoggerFactory.getLogger(ExtensivHttp.class);
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    private final HttpClient client;
    private final ExtensivSettings settings;
    private final UnaryOperator<String> redact;
    private final Clock clock;
    private final String source;

    ExtensivHttp(
            HttpClient client, ExtensivSettings settings, UnaryOperator<String> redact, Clock clock, String source) {
        this.client = client;
        this.settings = settings;
        this.redact = redact;
        this.clock = clock;
        this.source = source;
    }

    /** The answer to {@code request} when it is neither a 5xx nor a 429; {@code what} names the call in messages. */
    HttpResponse<String> exchange(String what, HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<String> response = send(request);
                if (response.statusCode() == 429) {
                    Duration wait = retryAfter(response);
                    throw new ThrottledException(wait, what + ": HTTP 429, retry after " + wait);
                }
                if (response.statusCode() < 500) {
                    return response;
                }
                failure = describe(response);
            } catch (TimeoutException e) {
                failure = "no answer within " + settings.requestTimeout();
            } catch (IOException e) {
                failure = "connection failed (" + e.getClass().getSimpleName() + ")";
            }
            if (attempt >= settings.attempts()) {
                throw new ConnectorException(what + ": " + failure + ", after " + attempt + " attempts");
            }
            Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
            log.info(
                    "{}: {}: {}; attempt {} of {}, trying again in {}",
                    source,
                    what,
                    failure,
                    attempt,
                    settings.attempts(),
                    backoff);
            pause(backoff, what);
        }
    }

    /** {@code response} (not a success) in one line for a message. */
    String describe(HttpResponse<String> response) {
        return VendorError.describe(response, redact);
    }

    private HttpResponse<String> send(HttpRequest request) throws TimeoutException, IOException {
        CompletableFuture<HttpResponse<String>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // The request's own timeout covers the headers only; this bounds the body too.
            return answer.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new TimeoutException();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new ConnectorException(
                    "Extensiv call failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for Extensiv");
        }
    }

    private Duration retryAfter(HttpResponse<String> response) {
        String header = response.headers().firstValue("Retry-After").orElse("").strip();
        if (header.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    private static void pause(Duration backoff, String what) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(what + ": interrupted while waiting to try again");
        }
    }
}
