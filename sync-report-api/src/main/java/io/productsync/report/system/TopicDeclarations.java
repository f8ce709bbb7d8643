package io.productsync.report.system;

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

/** The topics this service reads and writes, and the dead-letter topics it writes. */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    static final List<Topic<String, ?>> CONSUMED =
            List.of(Topics.SYNC_RESULTS, Topics.CART_CONNECTIONS, Topics.PRODUCT_ALIASES);

    @Bean
    KafkaAdmin.NewTopics reportTopics(ReportSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<String, ?> topic : CONSUMED) {
            topics.add(declare(topic.name(), topic.compacted(), settings.kafka()));
            topics.add(declare(topic.deadLetterTopic(), false, settings.kafka()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic declare(String name, boolean compacted, ReportSettings.Kafka kafka) {
        TopicBuilder builder =
                TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor());
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
