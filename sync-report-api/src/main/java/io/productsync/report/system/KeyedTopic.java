package io.productsync.report.system;

import io.productsync.events.Topic;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A consumed topic with its key rule: how its record key parses (for a topic carrying more than one record type, by
 * the value read), and which key its value names. The two must agree; a record whose key disagrees with its value is
 * dead-lettered, as the matcher does.
 */
public record KeyedTopic<K, V>(Topic<String, ?> topic, BiFunction<String, V, K> parseKey, Function<V, String> keyOf) {

    public KeyedTopic(Topic<String, V> topic, Function<String, K> parseKey, Function<V, String> keyOf) {
        this(topic, (key, value) -> parseKey.apply(key), keyOf);
    }

    /** The record's key, checked against its value; IllegalArgumentException says what is wrong. */
    K keyOf(String recordKey, V value) {
        K key;
        try {
            key = parseKey.apply(recordKey, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bad key '" + recordKey + "' on " + topic.name() + ": " + e.getMessage(), e);
        }
        if (value != null && !keyOf.apply(value).equals(recordKey)) {
            throw new IllegalArgumentException("key '" + recordKey + "' on " + topic.name()
                    + " disagrees with the value's key '" + keyOf.apply(value) + "'");
        }
        return key;
    }
}
