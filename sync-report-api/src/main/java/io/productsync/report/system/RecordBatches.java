package io.productsync.report.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Applies a batch of records up to the first one that cannot be read, then names that record to the error handler,
 * which dead-letters it and redelivers the records after it.
 */
public final class RecordBatches {

    private static final LogAccessor LOG = new LogAccessor(RecordBatches.class);

    private RecordBatches() {}

    /**
     * @param apply writes the changes read so far, in offset order, in one go; does nothing for no changes
     * @throws BatchListenerFailedException naming the first unreadable record, or the batch's first record when the
     *     database is unavailable (so that the error handler retries from there, see {@code KafkaWiring})
     */
    public static <K, V> void applyReadable(
            List<ConsumerRecord<String, V>> records, KeyedTopic<K, V> topic, Consumer<List<Change<K, V>>> apply) {
        List<Change<K, V>> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, V> record : records) {
            RuntimeException unreadable = read(record, topic, changes);
            if (unreadable != null) {
                write(records, changes, apply);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
            }
        }
        write(records, changes, apply);
    }

    private static <K, V> RuntimeException read(
            ConsumerRecord<String, V> record, KeyedTopic<K, V> topic, List<Change<K, V>> changes) {
        // A null value is a tombstone unless the deserializer left its failure in the headers.
        if (record.value() == null) {
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (failure != null) {
                return failure;
            }
        }
        try {
            changes.add(new Change<>(topic.keyOf(record.key(), record.value()), record.value(), record.partition()));
            return null;
        } catch (IllegalArgumentException e) {
            return e;
        }
    }

    private static <K, V> void write(
            List<ConsumerRecord<String, V>> records, List<Change<K, V>> changes, Consumer<List<Change<K, V>>> apply) {
        try {
            apply.accept(changes);
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                // Named at the first record, the batch takes the error handler's seek-and-retry path, where the
                // outage gets its own back-off and a record found unreadable once the database is back is still
                // dead-lettered alone (the whole-batch fallback would dead-letter every record of the batch).
                throw new BatchListenerFailedException(
                        "database unavailable, the batch waits for it", e, records.get(0));
            }
            throw e;
        }
    }
}
