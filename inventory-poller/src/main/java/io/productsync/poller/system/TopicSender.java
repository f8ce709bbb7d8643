package io.productsync.poller.system;

import io.productsync.events.EventTypes;
import io.productsync.events.Topic;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
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
        return send(topic, (Integer) null, key, value, timestamp);
    }

    /**
     * To a partition chosen by the caller (null: the producer's partitioner): a push's result goes to the partition of
     * its push command.
     */
    public <V> CompletableFuture<SendResult<String, byte[]>> send(
            Topic<String, V> topic, Integer partition, String key, V value, Instant timestamp) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return template.send(new ProducerRecord<>(topic.name(), partition, timestamp.toEpochMilli(), key, bytes));
    }

    /**
     * Sends what is buffered now instead of after {@code linger.ms}, for a caller about to wait for its sends; returns
     * once they are acknowledged or failed.
     */
    public void flush() {
        template.flush();
    }

    /**
     * The same record (a value serialized by the caller: a topic's second record type), typed by the {@link EventTypes#HEADER} header, to each partition of the topic by number (the
     * producer's {@code partitionsFor}); completes when every partition acknowledged it.
     */
    public CompletableFuture<?> sendToEveryPartition(
            String topic, String key, byte[] value, Instant timestamp, String eventType) {
        List<PartitionInfo> partitions;
        try {
            partitions = template.partitionsFor(topic);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.allOf(partitions.stream()
                .map(partition -> {
                    ProducerRecord<String, byte[]> record =
                            new ProducerRecord<>(topic, partition.partition(), timestamp.toEpochMilli(), key, value);
                    EventTypes.mark(record.headers(), eventType);
                    return template.send(record);
                })
                .toArray(CompletableFuture[]::new));
    }
}
