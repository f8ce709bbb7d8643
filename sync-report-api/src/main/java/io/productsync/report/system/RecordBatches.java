package io.productsync.report.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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
     * @param read  turns a readable record into a change; throws IllegalArgumentException for a bad record
     * @param apply writes the changes read so far, in offset order, in one go
     */
    public static <V, C> void applyReadable(
            List<ConsumerRecord<String, V>> records,
            Function<ConsumerRecord<String, V>, C> read,
            Consumer<List<C>> apply) {
        List<C> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, V> record : records) {
            BatchListenerFailedException unreadable = unreadable(record, read, changes);
            if (unreadable != null) {
                apply.accept(changes);
                throw unreadable;
            }
        }
        apply.accept(changes);
    }

    private static <V, C> BatchListenerFailedException unreadable(
            ConsumerRecord<String, V> record, Function<ConsumerRecord<String, V>, C> read, List<C> changes) {
        // A null value is a tombstone unless the deserializer left its failure in the headers.
        if (record.value() == null) {
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (failure != null) {
                String reason = failure.getCause() == null
                        ? failure.getMessage()
                        : failure.getCause().getMessage();
                return new BatchListenerFailedException(reason, failure, record);
            }
        }
        try {
            changes.add(read.apply(record));
            return null;
        } catch (IllegalArgumentException e) {
            return new BatchListenerFailedException(
                    "unusable record with key '" + record.key() + "' on " + record.topic() + ": " + e.getMessage(),
                    e,
                    record);
        }
    }
}
