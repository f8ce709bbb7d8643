package io.productsync.matcher.system;

import io.productsync.events.Topic;
import io.productsync.matcher.SyncMatcherApplication;
import io.productsync.matcher.matching.SyncTopology;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.CleanupConfig;

/** Thin adapter: Streams settings from Spring properties, and the topology from {@link SyncTopology}. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsWiring {

    static final String APPLICATION_ID = SyncMatcherApplication.APPLICATION_ID;

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration defaultKafkaStreamsConfig(KafkaProperties kafka, MatcherSettings settings) {
        // bootstrap servers, state dir (spring.kafka.streams.state-dir) and spring.kafka.streams.properties.*
        Map<String, Object> config = kafka.buildStreamsProperties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.matcher().streamThreads());
        config.put(
                StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.kafka().replicationFactor());
        // A generated store or topic name shifts when the topology changes and silently orphans state: refuse it.
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // The broadcast topics are their tables' changelogs: a second copy of each table would double its writes.
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        // Changelogs are compacted, but the broker's default segment (a week) would keep a week of superseded state,
        // e.g. a record per cart per partition every cycle: they roll like every declared topic.
        config.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), Topic.SEGMENT.toMillis());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        // Inputs and broadcast tables are read as bytes (inputs dead-lettered inside the topology); should anything
        // still fail Streams' own deserialization, failing is right: dropping a record would corrupt the tables.
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        return new KafkaStreamsConfiguration(config);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer syncTopology(Clock clock, MatcherSettings settings) {
        return factoryBean -> {
            // Local state is restored from changelogs, never wiped on start or stop.
            factoryBean.setCleanupConfig(new CleanupConfig(false, false));
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    SyncTopology.build(builder, clock, settings.kafka().partitions());
                }
            });
        };
    }
}
