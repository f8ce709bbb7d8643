package io.productsync.poller.system;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service reads and writes, declared so a fresh broker has them with the right layout. */
@Configuration(proxyBeanMethods = false)
class PollerTopics {

    static final List<Topic<String, ?>> USED = List.of(
            Topics.CART_INVENTORY,
            Topics.WMS_INVENTORY,
            Topics.CART_CONNECTIONS,
            Topics.CART_INVENTORY_PUSHES,
            Topics.SYNC_RESULTS);

    @Bean
    KafkaAdmin.NewTopics declaredTopics(PollerSettings settings) {
        PollerSettings.Kafka kafka = settings.kafka();
        Stream<NewTopic> used = USED.stream().map(topic -> declare(topic.name(), topic.compacted(), kafka));
        Stream<NewTopic> deadLetters = Stream.of(declare(Topics.CART_INVENTORY_PUSHES.deadLetterTopic(), false, kafka));
        return new KafkaAdmin.NewTopics(Stream.concat(used, deadLetters).toArray(NewTopic[]::new));
    }

    private static NewTopic declare(String name, boolean compacted, PollerSettings.Kafka kafka) {
        TopicBuilder builder =
                TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor());
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
