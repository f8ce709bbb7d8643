package io.productsync.events;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its key and value; {@code compacted} topics keep the latest value per key. */
public record Topic<K, V>(String name, boolean compacted, Serde<K> keySerde, Serde<V> valueSerde) {

    /** Where records that cannot be read or processed go, with the reason in {@link DeadLetters} headers. */
    public String deadLetterTopic() {
        return name + "-dlt";
    }
}
