package io.productsync.report.system;

import io.productsync.events.DeadLetters;
import io.productsync.events.Topic;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes what a request changes and returns only once the broker has stored it. */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final ReportSettings settings;

    EventPublisher(KafkaTemplate<String, Object> kafka, ReportSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    /** @param value null for a tombstone */
    public <V> void publish(Topic<String, V> topic, String key, V value) {
        try {
            kafka.send(topic.name(), key, value)
                    .get(settings.report().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (KafkaException e) {
            // thrown by send() itself, e.g. when the topic's metadata cannot be had within max.block.ms
            throw new NotStored(topic, key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStored(topic, key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotStored(topic, key, e);
        }
    }

    /** The broker did not acknowledge in time; the caller may retry. */
    public static final class NotStored extends RuntimeException {
        NotStored(Topic<String, ?> topic, String key, Exception cause) {
            super(
                    "'" + key + "' on " + topic.name() + " was not acknowledged by Kafka: " + DeadLetters.reason(cause),
                    cause);
        }
    }
}
