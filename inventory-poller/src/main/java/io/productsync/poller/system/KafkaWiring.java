package io.productsync.poller.system;

import io.productsync.events.DeadLetters;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTopicDeserializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listeners (pushes, removal confirmations): each topic's catalogue serde behind an ErrorHandlingDeserializer,
 * unreadable records to the topic's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaWiring {

    private static final Logger log = LoggerFactory.getLogger(KafkaWiring.class);

    /** The topics this service reads; each value is read with its catalogue serde. */
    private static final List<Topic<String, ?>> READ =
            List.of(Topics.CART_INVENTORY_PUSHES, Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS);

    @Bean
    ConsumerFactory<String, Object> listenerConsumerFactory(KafkaProperties properties) {
        Map<Pattern, Deserializer<?>> byTopic = new LinkedHashMap<>();
        READ.forEach(topic -> byTopic.put(
                Pattern.compile(Pattern.quote(topic.name())), topic.valueSerde().deserializer()));
        return new DefaultKafkaConsumerFactory<>(
                properties.buildConsumerProperties(),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new DelegatingByTopicDeserializer(byTopic, KafkaWiring::notRead)));
    }

    private static Object notRead(String topic, byte[] data) {
        throw new SerializationException("inventory-poller does not read " + topic);
    }

    /** Named like Boot's default so Boot's factory backs off and every listener here gets this error handling. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> kafkaListenerContainerFactory(
            ConsumerFactory<String, Object> listenerConsumerFactory, KafkaTemplate<String, byte[]> template) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, Object>();
        factory.setConsumerFactory(listenerConsumerFactory);
        factory.setCommonErrorHandler(deadLettering(template));
        return factory;
    }

    /**
     * Batch listeners that acknowledge themselves: a listener commits what it finished and can {@code nack} the rest,
     * which pauses the consumer (still polling, so still in the group) and redelivers after the wait. A listener marks an
     * unreadable record with a {@code BatchListenerFailedException} to dead-letter it.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> batchListenerContainerFactory(
            ConsumerFactory<String, Object> listenerConsumerFactory, KafkaTemplate<String, byte[]> template) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, Object>();
        factory.setConsumerFactory(listenerConsumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.setCommonErrorHandler(deadLettering(template));
        return factory;
    }

    private static DefaultErrorHandler deadLettering(KafkaTemplate<String, byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template,
                (record, e) -> new TopicPartition(Topics.named(record.topic()).deadLetterTopic(), -1));
        recoverer.setHeadersFunction(KafkaWiring::deadLetterHeaders);
        return new DefaultErrorHandler(recoverer, new FixedBackOff(1000, 2));
    }

    /** The one header rule of common-events, plus a WARN per dead letter so an operator sees it without a consumer. */
    private static Headers deadLetterHeaders(ConsumerRecord<?, ?> record, Exception e) {
        log.warn(
                "{}-{}@{} (key {}) goes to the dead-letter topic: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                DeadLetters.reason(e));
        return DeadLetters.addTo(new RecordHeaders(), record.topic(), record.partition(), record.offset(), e);
    }
}
