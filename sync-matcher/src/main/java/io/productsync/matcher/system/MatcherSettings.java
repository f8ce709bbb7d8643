package io.productsync.matcher.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The matcher's own settings: topic layout ({@code productsync.kafka.*}) and how many stream threads this instance
 * runs ({@code productsync.matcher.stream-threads}).
 */
@ConfigurationProperties("productsync")
record MatcherSettings(
        @DefaultValue Kafka kafka, @DefaultValue Matcher matcher) {

    record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {}

    record Matcher(@DefaultValue("1") int streamThreads) {}
}
