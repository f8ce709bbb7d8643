package io.productsync.matcher.system;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when Kafka Streams gives up for good. An error that reaches a stream thread shuts the whole client down, as
 * Streams' own default does (kept: the errors that get here, a record our code cannot handle or a lost source topic,
 * fail again on a replaced thread, and EOS makes a restart safe). The client then stays in ERROR and matches nothing:
 * this logs that at ERROR once, with the cause, keeps the cause for {@link StreamsHealth}, and runs {@code onError}
 * (the standalone matcher exits).
 */
final class StreamsFailure implements StreamsUncaughtExceptionHandler, KafkaStreams.StateListener {

    private static final Logger log = LoggerFactory.getLogger(StreamsFailure.class);

    private final Runnable onError;
    private final AtomicReference<Throwable> cause = new AtomicReference<>();
    private final AtomicBoolean reported = new AtomicBoolean();

    StreamsFailure(Runnable onError) {
        this.onError = onError;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        cause.compareAndSet(null, exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    @Override
    public void onChange(State newState, State oldState) {
        boolean failing = newState == State.PENDING_ERROR || newState == State.ERROR;
        if (failing && reported.compareAndSet(false, true)) {
            // The cause's stack trace is in Streams' own log line just before this one.
            log.error(
                    "Kafka Streams shut the matcher's client down for good (state {}): nothing is matched until the"
                            + " matcher is restarted. Cause: {}",
                    newState,
                    cause().map(Throwable::toString).orElse("none reached the stream threads' handler"));
            // At the first of the two states: once the stream threads have ended, nothing but a daemon thread may be
            // left to reach ERROR, and a JVM with only daemon threads ends by itself, with 0.
            onError.run();
        }
    }

    /** The first error that shut the client down, if one did. */
    Optional<Throwable> cause() {
        return Optional.ofNullable(cause.get());
    }
}
