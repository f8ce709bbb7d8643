package io.productsync.report.system;

import io.productsync.events.DeadLetters;
import io.productsync.events.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        publishAll(topic, List.of(new Keyed<>(key, value)));
    }

    /** One record to publish; {@code value} null for a tombstone. */
    public record Keyed<V>(String key, V value) {}

    /** Sends every record at once and returns once the broker has stored them all (an import sends thousands). */
    public <V> void publishAll(Topic<String, V> topic, List<Keyed<V>> records) {
        if (records.isEmpty()) {
            return;
        }
        String keys = records.size() == 1
                ? records.get(0).key()
                : records.get(0).key() + "' and " + (records.size() - 1) + " more '";
        try {
            CompletableFuture<?>[] sent = records.stream()
                    .map(record -> kafka.send(topic.name(), record.key(), record.value()))
                    .toArray(CompletableFuture<?>[]::new);
            CompletableFuture.allOf(sent).get(settings.report().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (KafkaException e) {
            // thrown by send() itself, e.g. when the topic's metadata cannot be had within max.block.ms
            throw new NotStored(topic, keys, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStored(topic, keys, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotStored(topic, keys, e);
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
