package io.productsync.matcher.matching;

import io.productsync.events.Topic;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;

/**
 * How one input topic's raw records become events: throws (with a message a person can act on) for a record that must
 * go to the dead-letter topic.
 */
@FunctionalInterface
interface RecordReader<V> {

    V read(String key, Headers headers, byte[] raw);

    /**
     * A topic of one event type: the key must parse and agree with the value's own key; a null value is a tombstone.
     */
    static <V> RecordReader<V> of(Topic<String, V> topic, Function<String, ?> parseKey, Function<V, String> keyOf) {
        return (key, headers, raw) -> {
            V value;
            try {
                value = topic.valueSerde().deserializer().deserialize(topic.name(), raw);
            } catch (RuntimeException e) {
                requireKey(topic, parseKey, key);
                throw e;
            }
            // The value's ids were checked as it was read: a key that spells them needs no check of its own.
            if (value != null && keyOf.apply(value).equals(key)) {
                return value;
            }
            requireKey(topic, parseKey, key);
            if (value != null) {
                throw new IllegalArgumentException("key '" + key + "' on " + topic.name()
                        + " disagrees with the value's key '" + keyOf.apply(value) + "'");
            }
            return null;
        };
    }

    /** A bad key is named as such, before whatever else is wrong with the record. */
    private static void requireKey(Topic<String, ?> topic, Function<String, ?> parseKey, String key) {
        try {
            parseKey.apply(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad key on " + topic.name() + ": " + e.getMessage(), e);
        }
    }
}
