package io.productsync.report.system;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service writes: product-aliases, wms-connections, snapshot-removal-confirmations and the
 * dead-letter topics of what it reads. The topics it reads are declared by their writers; a listener waits until its topic exists.
 */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    static final List<Topic<String, ?>> CONSUMED = List.of(
            Topics.SYNC_RESULTS,
            Topics.CART_CONNECTIONS,
            Topics.WMS_CONNECTIONS,
            Topics.PRODUCT_ALIASES,
            Topics.INVENTORY_SNAPSHOT_HOLDS,
            Topics.WMS_INVENTORY);

    /**
     * Records of another type than their topic's main one, by the value of their event-type header (common-events'
     * {@code EventTypes}); a record without the header is the main type, one with any other type is dead-lettered.
     */
    static final Map<String, Map<String, Deserializer<?>>> OTHER_TYPES = Map.of(
            Topics.SYNC_RESULTS.name(), Map.of(EventTypes.CART_CYCLE_VERIFIED, JsonSerde.of(CartCycleVerified.class)));

    /**
     * Written here and declared here. This service also writes cart-connections (the connection API), but
     * inventory-poller, which wrote it first, declares it.
     */
    static final List<Topic<String, ?>> PRODUCED =
            List.of(Topics.PRODUCT_ALIASES, Topics.WMS_CONNECTIONS, Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS);

    @Bean
    KafkaAdmin.NewTopics reportTopics(ReportSettings settings) {
        int partitions = settings.kafka().partitions();
        short replicationFactor = settings.kafka().replicationFactor();
        List<NewTopic> topics = new ArrayList<>();
        PRODUCED.forEach(topic -> topics.add(topic.declaration(partitions, replicationFactor)));
        CONSUMED.forEach(topic -> topics.add(topic.deadLetterDeclaration(partitions, replicationFactor)));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
