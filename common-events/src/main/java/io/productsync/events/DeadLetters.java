package io.productsync.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * The dead-letter headers every service writes, and the one rule for what they say. A record that cannot be read or
 * is invalid goes to {@link Topic#deadLetterTopic()} unchanged, with these headers added.
 */
public final class DeadLetters {

    /** Why the record could not be processed, in words a person can act on. */
    public static final String REASON = "dlt-reason";
    /** The class of the exception that gave the reason, for operators. */
    public static final String EXCEPTION = "dlt-exception";

    public static final String SOURCE_TOPIC = "dlt-source-topic";
    public static final String SOURCE_PARTITION = "dlt-source-partition";
    public static final String SOURCE_OFFSET = "dlt-source-offset";

    private DeadLetters() {}

    /** Adds the reason and the source position to {@code headers} and returns them. */
    public static Headers addTo(Headers headers, String topic, int partition, long offset, Throwable failure) {
        Throwable telling = mostTelling(failure);
        return headers.add(REASON, utf8(messageOf(telling)))
                .add(EXCEPTION, utf8(telling.getClass().getName()))
                .add(SOURCE_TOPIC, utf8(topic))
                .add(SOURCE_PARTITION, utf8(Integer.toString(partition)))
                .add(SOURCE_OFFSET, utf8(Long.toString(offset)));
    }

    /** What the {@link #REASON} header says for this failure. */
    public static String reason(Throwable failure) {
        return messageOf(mostTelling(failure));
    }

    /**
     * Frameworks wrap the exception that knows what is wrong: our serde's {@link SerializationException} says what is
     * wrong with the bytes, our validation's {@link IllegalArgumentException} what is wrong with the values; failing
     * both, the root cause.
     */
    private static Throwable mostTelling(Throwable failure) {
        Throwable invalid = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerializationException) {
                return t;
            }
            if (invalid == null && t instanceof IllegalArgumentException) {
                invalid = t;
            }
        }
        return invalid != null ? invalid : rootCause(failure);
    }

    /** The innermost cause: the one unwrap every reason and message here is built from. */
    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
