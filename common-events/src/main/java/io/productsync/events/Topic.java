package io.productsync.events;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its key and value. {@code compacted} topics keep the latest value per key; the others keep
 * {@code retention} of records (null: the broker's default). Either way disk is bounded by design: by the number of
 * keys, or by time.
 */
public record Topic<K, V>(String name, boolean compacted, Duration retention, Serde<K> keySerde, Serde<V> valueSerde) {

    /**
     * Segments roll hourly: the log cleaner never touches the active segment, and Kafka's default (a week) would let a
     * compacted topic hold a week of superseded records, or a short retention keep a week of data. Also the roll of
     * the topics a service creates on its own (Kafka Streams' changelogs).
     */
    public static final Duration SEGMENT = Duration.ofHours(1);
    /** How long a tombstone outlives compaction: a reader that is up to a week behind still sees a SKU leave. */
    static final Duration TOMBSTONES_KEPT = Duration.ofDays(7);
    /** Dead letters wait for an operator this long. */
    static final Duration DEAD_LETTERS_KEPT = Duration.ofDays(14);

    /** A compacted topic. */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, true, null, keySerde, valueSerde);
    }

    /** A topic that keeps {@code retention} of records. */
    public Topic(String name, Duration retention, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, false, retention, keySerde, valueSerde);
    }

    /** Where records that cannot be read or processed go, with the reason in {@link DeadLetters} headers. */
    public String deadLetterTopic() {
        return name + "-dlt";
    }

    /** The declaration of this topic, for the service that writes it. */
    public NewTopic declaration(int partitions, short replicationFactor) {
        Map<String, String> configs = compacted
                ? Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.SEGMENT_MS_CONFIG, millis(SEGMENT),
                        TopicConfig.DELETE_RETENTION_MS_CONFIG, millis(TOMBSTONES_KEPT))
                : retention == null
                        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                        : Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG, millis(retention),
                                TopicConfig.SEGMENT_MS_CONFIG, millis(SEGMENT));
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /** The declaration of the dead-letter topic, for the service that reads this topic. */
    public NewTopic deadLetterDeclaration(int partitions, short replicationFactor) {
        return new NewTopic(deadLetterTopic(), partitions, replicationFactor)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, millis(DEAD_LETTERS_KEPT),
                        TopicConfig.SEGMENT_MS_CONFIG, millis(SEGMENT)));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
