package io.productsync.events;

/** Headers every dead-letter record carries, whichever service wrote it. */
public final class DeadLetters {

    /** Why the record could not be processed, in words a person can act on. */
    public static final String REASON = "dlt-reason";
    /** The exception class that stopped it. */
    public static final String EXCEPTION = "dlt-exception";

    public static final String SOURCE_TOPIC = "dlt-source-topic";
    public static final String SOURCE_PARTITION = "dlt-source-partition";
    public static final String SOURCE_OFFSET = "dlt-source-offset";

    private DeadLetters() {}
}
