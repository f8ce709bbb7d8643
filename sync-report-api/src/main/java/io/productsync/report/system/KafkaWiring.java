package io.productsync.report.system;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring: one batch-listener container factory per consumed topic, each reading values through our JsonSerde
 * wrapped in an ErrorHandlingDeserializer, and one error handler that sends what cannot be processed to
 * {@code <topic>-dlt}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaWiring {

    /** Values are our JSON, or raw bytes for dead letters of records that could not be read. */
    @Bean
    ProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new EventValueSerializer());
    }

    /** Sends alias changes and dead letters. */
    @Bean
    KafkaTemplate<String, Object> eventTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, Object> eventTemplate, ReportSettings settings) {
        var deadLetters = new DeadLetterPublishingRecoverer(eventTemplate, KafkaWiring::deadLetterPartition);
        deadLetters.setHeadersFunction(DeadLetterHeaders::of);
        var report = settings.report();
        return new DefaultErrorHandler(
                (record, failure) -> {
                    // Good records must not become dead letters because the database is down: refusing to recover
                    // makes the container seek back and retry the batch until the database answers again.
                    if (DatabaseOutage.causedBy(failure)) {
                        throw new IllegalStateException("database unavailable, retrying " + record.topic(), failure);
                    }
                    deadLetters.accept(record, failure);
                },
                new FixedBackOff(report.retryInterval().toMillis(), report.retryAttempts()));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> syncResultsContainerFactory(
            KafkaProperties kafka,
            DefaultErrorHandler errorHandler,
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer) {
        return batchFactory(Topics.SYNC_RESULTS, kafka, errorHandler, configurer);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> cartConnectionsContainerFactory(
            KafkaProperties kafka,
            DefaultErrorHandler errorHandler,
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer) {
        return batchFactory(Topics.CART_CONNECTIONS, kafka, errorHandler, configurer);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> productAliasesContainerFactory(
            KafkaProperties kafka,
            DefaultErrorHandler errorHandler,
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer) {
        return batchFactory(Topics.PRODUCT_ALIASES, kafka, errorHandler, configurer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConcurrentKafkaListenerContainerFactory<Object, Object> batchFactory(
            Topic<String, ?> topic,
            KafkaProperties kafka,
            DefaultErrorHandler errorHandler,
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer) {
        var values = new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer());
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        // spring.kafka.listener.* (concurrency, poll timeout...) apply; batch mode and error handling are ours.
        configurer.configure(
                factory,
                new DefaultKafkaConsumerFactory(kafka.buildConsumerProperties(), new StringDeserializer(), values));
        factory.setBatchListener(true);
        // Offsets are committed only after the listener has written the whole batch (or the error handler
        // has dead-lettered the record that stopped it).
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    private static TopicPartition deadLetterPartition(ConsumerRecord<?, ?> record, Exception failure) {
        String deadLetterTopic = Topics.ALL.stream()
                .filter(topic -> topic.name().equals(record.topic()))
                .map(Topic::deadLetterTopic)
                .findFirst()
                .orElse(record.topic() + "-dlt");
        return new TopicPartition(deadLetterTopic, record.partition());
    }
}
