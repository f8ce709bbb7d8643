package io.productsync.poller.system;

import io.productsync.events.Topic;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Sends through the topic catalogue's serdes, with the record timestamp set to the time the event describes. */
@Component
public final class TopicSender {

    private final KafkaTemplate<String, byte[]> template;

    TopicSender(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    /** A null value is a tombstone. */
    public <V> CompletableFuture<SendResult<String, byte[]>> send(
            Topic<String, V> topic, String key, V value, Instant timestamp) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return template.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), key, bytes));
    }
}
