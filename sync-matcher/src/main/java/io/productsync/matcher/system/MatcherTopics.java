package io.productsync.matcher.system;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.matcher.matching.BroadcastTopics;
import io.productsync.matcher.matching.RerouteTopics;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The matcher declares what it writes (its outputs and its inputs' dead-letter topics) and only checks what it reads:
 * a reader that declared its inputs would, with another partition setting, change them under their writers.
 */
@Configuration(proxyBeanMethods = false)
class MatcherTopics {

    static final List<Topic<String, ?>> WRITTEN = Stream.concat(
                    Stream.of(Topics.SYNC_RESULTS, Topics.CART_INVENTORY_PUSHES),
                    Stream.concat(BroadcastTopics.ALL.stream(), RerouteTopics.ALL.stream()))
            .toList();

    @Bean
    KafkaAdmin.NewTopics declaredTopics(MatcherSettings settings) {
        int partitions = settings.kafka().partitions();
        short replicationFactor = settings.kafka().replicationFactor();
        Stream<NewTopic> outputs = WRITTEN.stream().map(topic -> topic.declaration(partitions, replicationFactor));
        Stream<NewTopic> deadLetters = InputTopic.ALL.stream()
                .map(input -> input.topic().deadLetterDeclaration(partitions, replicationFactor));
        return new KafkaAdmin.NewTopics(Stream.concat(outputs, deadLetters).toArray(NewTopic[]::new));
    }

    @Bean
    InputTopicsCheck inputTopicsCheck(KafkaAdmin admin, MatcherSettings settings, StreamsBuilderFactoryBean streams) {
        // One phase before Kafka Streams, so the check has passed before any task is created.
        return new InputTopicsCheck(
                admin.getConfigurationProperties(),
                settings.kafka().partitions(),
                settings.matcher().inputTopicsWait(),
                streams.getPhase() - 1);
    }
}
