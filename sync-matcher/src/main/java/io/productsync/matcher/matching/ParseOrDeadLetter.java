package io.productsync.matcher.matching;

import io.productsync.events.DeadLetters;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads an input record inside the topology, so a bad one goes to the dead-letter topic within the same Streams
 * transaction: whatever its {@link RecordReader} refuses (unreadable or invalid JSON, a key that does not parse or
 * disagrees with the value, an unknown event type).
 */
final class ParseOrDeadLetter<V> implements FixedKeyProcessor<String, byte[], Parsed<V>> {

    private final RecordReader<V> reader;
    private FixedKeyProcessorContext<String, Parsed<V>> context;

    ParseOrDeadLetter(RecordReader<V> reader) {
        this.reader = reader;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed<V>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            V value = reader.read(record.key(), record.headers(), record.value());
            context.forward(record.withValue(Parsed.valid(value)));
        } catch (RuntimeException e) {
            context.forward(record.withValue(Parsed.<V>deadLetter(record.value()))
                    .withHeaders(deadLetterHeaders(record.headers(), e)));
        }
    }

    private Headers deadLetterHeaders(Headers original, RuntimeException e) {
        // Always present: this processor sits right behind the topic's source node.
        RecordMetadata source = context.recordMetadata().orElseThrow();
        return DeadLetters.addTo(original, source.topic(), source.partition(), source.offset(), e);
    }
}
