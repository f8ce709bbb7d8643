package io.productsync.report.system;

import io.productsync.events.DeadLetters;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTopicDeserializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring. Every listener runs in Boot's one listener container factory, in batch mode with ack mode BATCH
 * ({@code spring.kafka.listener.*}): offsets are committed only after the listener has written the whole batch, or the
 * error handler has dead-lettered the record that stopped it. Values are read by their topic's serde from the
 * catalogue, inside an ErrorHandlingDeserializer so that a bad value reaches the listener as a failure, not as a
 * consumer crash.
 */
@Configuration(proxyBeanMethods = false)
class KafkaWiring {

    /** Values are our JSON, or raw bytes for dead letters of records that could not be read. */
    @Bean
    ProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new EventValueSerializer());
    }

    /** Sends alias changes, confirmations and dead letters. */
    @Bean
    KafkaTemplate<String, Object> eventTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    /**
     * Keys are plain strings ({@code spring.kafka.consumer.key-deserializer}); values by topic, and on a topic with
     * more than one record type by its event-type header.
     */
    @Bean
    ConsumerFactory<Object, Object> consumerFactory(KafkaProperties kafka) {
        Map<Pattern, Deserializer<?>> byTopic = new LinkedHashMap<>();
        for (Topic<String, ?> topic : TopicDeclarations.CONSUMED) {
            byTopic.put(
                    Pattern.compile(Pattern.quote(topic.name())),
                    new ByEventType(
                            topic.valueSerde().deserializer(),
                            TopicDeclarations.OTHER_TYPES.getOrDefault(topic.name(), Map.of())));
        }
        var values = new DelegatingByTopicDeserializer(byTopic, new UnknownTopic());
        var factory = new DefaultKafkaConsumerFactory<Object, Object>(kafka.buildConsumerProperties());
        factory.setValueDeserializer(new ErrorHandlingDeserializer<>(values));
        return factory;
    }

    /**
     * What cannot be processed goes to {@code <topic>-dlt} with the {@link DeadLetters} headers (next to spring-kafka's
     * own {@code kafka_dlt-*}). An unreadable record goes at once: it will not become readable. A database outage is
     * nobody's fault in the batch: it is retried, with growing pauses, until the database answers, and nothing is
     * dead-lettered. Any other failure is retried {@code retry-attempts} times.
     */
    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, Object> eventTemplate, ReportSettings settings) {
        var deadLetters = new DeadLetterPublishingRecoverer(
                eventTemplate,
                // Partition -1: the producer partitions by key, whatever partition count the writer gave the topic.
                (record, failure) ->
                        new TopicPartition(Topics.named(record.topic()).deadLetterTopic(), -1));
        deadLetters.setHeadersFunction((record, failure) ->
                DeadLetters.addTo(new RecordHeaders(), record.topic(), record.partition(), record.offset(), failure));
        var report = settings.report();
        var handler = new DefaultErrorHandler(
                deadLetters, new FixedBackOff(report.retryInterval().toMillis(), report.retryAttempts()));
        // Our readers throw it for a bad key or a key that disagrees with its value (spring-kafka already treats
        // a DeserializationException so).
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        var untilTheDatabaseAnswers =
                new ExponentialBackOff(report.retryInterval().toMillis(), 2);
        untilTheDatabaseAnswers.setMaxInterval(report.databaseRetryMaxInterval().toMillis());
        handler.setBackOffFunction(
                (record, failure) -> DatabaseOutage.causedBy(failure) ? untilTheDatabaseAnswers : null);
        return handler;
    }

    /** Listeners subscribe only to the consumed topics, so this is a wiring mistake, said as such. */
    private static final class UnknownTopic implements Deserializer<Object> {
        @Override
        public Object deserialize(String topic, byte[] data) {
            throw new IllegalStateException(
                    "no value deserializer for topic '" + topic + "': add it to TopicDeclarations.CONSUMED");
        }
    }
}
