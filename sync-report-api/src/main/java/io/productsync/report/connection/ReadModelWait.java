package io.productsync.report.connection;

import io.productsync.report.system.ReportSettings;
import io.productsync.report.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Holds a connection change's answer until the read model shows it (read-your-write): the table stays written only by
 * its topic's projection, and the request that changed it looks the one key up, with short pauses, until it is there.
 * No event pays for it, only the request, and only for the projection's lag.
 */
@Component
class ReadModelWait {

    private final Duration wait;
    private final RetryTemplate retry;

    ReadModelWait(ReportSettings settings) {
        this.wait = settings.report().readModelWait();
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .includes(NotShownYet.class)
                .maxRetries(Long.MAX_VALUE)
                .delay(Duration.ofMillis(10))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(200))
                .timeout(wait)
                .build());
    }

    /**
     * Until the read model holds the connection at {@code version} (its {@code configuredAt}), or a later version that
     * replaced it.
     *
     * @param shownVersion the version the read model holds now, empty when it holds none
     * @param change       what was stored, as the answer names it, e.g. {@code WMS 'acme/east' connected}
     */
    void untilShown(Supplier<Optional<Instant>> shownVersion, Instant version, String change) {
        until(() -> shownVersion.get().filter(shown -> !shown.isBefore(version)).isPresent(), change);
    }

    /** Until the read model no longer holds the connection at {@code version}: it is gone, or a later PUT replaced it. */
    void untilGone(Supplier<Optional<Instant>> shownVersion, Instant version, String change) {
        until(() -> shownVersion.get().filter(shown -> !shown.isAfter(version)).isEmpty(), change);
    }

    /** Returns once {@code shown} is true; a 503 naming {@code change} when it is still false after the wait. */
    private void until(BooleanSupplier shown, String change) {
        try {
            retry.execute(() -> {
                if (!shown.getAsBoolean()) {
                    throw new NotShownYet();
                }
                return null;
            });
        } catch (RetryException e) {
            if (e.getLastException() instanceof RuntimeException other && !(other instanceof NotShownYet)) {
                throw other; // e.g. the database is unreachable: answered as such
            }
            throw Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    change + ": Kafka has stored it, but this service's read model did not show it within "
                            + wait.toMillis() + " ms"
                            + " (is its database or its listener behind?). Requests that depend on it may not see it"
                            + " yet; GET the connection to see when it does.");
        }
    }

    private static final class NotShownYet extends RuntimeException {
        NotShownYet() {
            super("not shown yet", null, false, false);
        }
    }
}
