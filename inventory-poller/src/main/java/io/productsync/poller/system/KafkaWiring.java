package io.productsync.poller.system;

import io.productsync.events.DeadLetters;
import io.productsync.events.PushCartInventory;
import io.productsync.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/** The push listener: catalogue serde behind an ErrorHandlingDeserializer, unreadable records to the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class KafkaWiring {

    private static final Logger log = LoggerFactory.getLogger(KafkaWiring.class);

    @Bean
    ConsumerFactory<String, PushCartInventory> pushConsumerFactory(KafkaProperties properties) {
        return new DefaultKafkaConsumerFactory<>(
                properties.buildConsumerProperties(),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(
                        Topics.CART_INVENTORY_PUSHES.valueSerde().deserializer()));
    }

    /** Named like Boot's default so Boot's factory backs off and every listener here gets this error handling. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, PushCartInventory> kafkaListenerContainerFactory(
            ConsumerFactory<String, PushCartInventory> pushConsumerFactory, KafkaTemplate<String, byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, e) -> new TopicPartition(record.topic() + "-dlt", -1));
        recoverer.setHeadersFunction(KafkaWiring::deadLetterHeaders);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, PushCartInventory>();
        factory.setConsumerFactory(pushConsumerFactory);
        factory.setCommonErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(1000, 2)));
        return factory;
    }

    private static Headers deadLetterHeaders(ConsumerRecord<?, ?> record, Exception e) {
        String reason = reason(e);
        log.warn(
                "{}-{}@{} (key {}) goes to the dead-letter topic: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, bytes(reason));
        headers.add(DeadLetters.EXCEPTION, bytes(root(e).getClass().getName()));
        headers.add(DeadLetters.SOURCE_TOPIC, bytes(record.topic()));
        headers.add(DeadLetters.SOURCE_PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(DeadLetters.SOURCE_OFFSET, bytes(String.valueOf(record.offset())));
        return headers;
    }

    /** Our serde's message says what is wrong with the record; the container's wrappers do not. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SerializationException) {
                return t.getMessage();
            }
        }
        Throwable root = root(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static byte[] bytes(String value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
