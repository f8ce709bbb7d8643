package io.productsync.events;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its key and value; {@code compacted} topics keep the latest value per key. */
public record Topic<K, V>(String name, boolean compacted, Serde<K> keySerde, Serde<V> valueSerde) {

    /** Where records that cannot be read or processed go, with the reason in {@link DeadLetters} headers. */
    public String deadLetterTopic() {
        return name + "-dlt";
    }

    /** The declaration of this topic, for the service that writes it. */
    public NewTopic declaration(int partitions, short replicationFactor) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        return compacted
                ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                : topic;
    }

    /** The declaration of the dead-letter topic, for the service that reads this topic. */
    public NewTopic deadLetterDeclaration(int partitions, short replicationFactor) {
        return new NewTopic(deadLetterTopic(), partitions, replicationFactor);
    }
}
