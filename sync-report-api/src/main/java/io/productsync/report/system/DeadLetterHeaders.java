package io.productsync.report.system;

import io.productsync.events.DeadLetters;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Our {@link DeadLetters} headers, added next to spring-kafka's own {@code kafka_dlt-*} headers. */
final class DeadLetterHeaders {

    private DeadLetterHeaders() {}

    static Headers of(ConsumerRecord<?, ?> record, Exception failure) {
        Throwable cause = mostTelling(failure);
        Headers headers = new RecordHeaders();
        add(headers, DeadLetters.REASON, reason(cause));
        add(headers, DeadLetters.EXCEPTION, cause.getClass().getName());
        add(headers, DeadLetters.SOURCE_TOPIC, record.topic());
        add(headers, DeadLetters.SOURCE_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetters.SOURCE_OFFSET, Long.toString(record.offset()));
        return headers;
    }

    /** The deserializer's own failure says what is wrong with the bytes; otherwise what our listener said. */
    private static Throwable mostTelling(Throwable failure) {
        Throwable listenerSaid = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DeserializationException && t.getCause() != null) {
                return t.getCause();
            }
            if (t instanceof BatchListenerFailedException && listenerSaid == null) {
                listenerSaid = t;
            }
        }
        if (listenerSaid != null) {
            return listenerSaid;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String reason(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
