package io.productsync.matcher.matching;

import io.productsync.events.DeadLetters;
import io.productsync.events.Topic;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads an input record inside the topology, so a bad one goes to the dead-letter topic within the same Streams
 * transaction: unreadable or invalid JSON, a key that does not parse, or a key that disagrees with the value.
 */
final class ParseOrDeadLetter<V> implements FixedKeyProcessor<String, byte[], Parsed<V>> {

    private final Topic<String, V> topic;
    private final Function<String, ?> parseKey;
    private final Function<V, String> keyOf;
    private FixedKeyProcessorContext<String, Parsed<V>> context;

    ParseOrDeadLetter(Topic<String, V> topic, Function<String, ?> parseKey, Function<V, String> keyOf) {
        this.topic = topic;
        this.parseKey = parseKey;
        this.keyOf = keyOf;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed<V>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            context.forward(record.withValue(Parsed.valid(parse(record.key(), record.value()))));
        } catch (RuntimeException e) {
            context.forward(record.withValue(Parsed.<V>deadLetter(record.value()))
                    .withHeaders(deadLetterHeaders(record.headers(), e)));
        }
    }

    private V parse(String key, byte[] raw) {
        try {
            parseKey.apply(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad key on " + topic.name() + ": " + e.getMessage(), e);
        }
        V value = topic.valueSerde().deserializer().deserialize(topic.name(), raw);
        if (value != null && !keyOf.apply(value).equals(key)) {
            throw new IllegalArgumentException("key '" + key + "' on " + topic.name()
                    + " disagrees with the value's key '" + keyOf.apply(value) + "'");
        }
        return value;
    }

    private Headers deadLetterHeaders(Headers original, RuntimeException e) {
        // Always present: this processor sits right behind the topic's source node.
        RecordMetadata source = context.recordMetadata().orElseThrow();
        return DeadLetters.addTo(original, topic.name(), source.partition(), source.offset(), e);
    }
}
