package io.productsync.matcher.system;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the matcher reads and writes, plus the dead-letter topics it writes, created before Streams starts. */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    static final List<Topic<String, ?>> READ =
            List.of(Topics.CART_INVENTORY, Topics.WMS_INVENTORY, Topics.PRODUCT_ALIASES, Topics.CART_CONNECTIONS);
    static final List<Topic<String, ?>> WRITTEN = List.of(Topics.SYNC_RESULTS, Topics.CART_INVENTORY_PUSHES);

    @Bean
    KafkaAdmin.NewTopics matcherTopics(MatcherSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        READ.forEach(topic -> {
            topics.add(declare(topic.name(), topic.compacted(), settings.kafka()));
            topics.add(declare(topic.deadLetterTopic(), false, settings.kafka()));
        });
        WRITTEN.forEach(topic -> topics.add(declare(topic.name(), topic.compacted(), settings.kafka())));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic declare(String name, boolean compacted, MatcherSettings.Kafka kafka) {
        TopicBuilder builder =
                TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor());
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
