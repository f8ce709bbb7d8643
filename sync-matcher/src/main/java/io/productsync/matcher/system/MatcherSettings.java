package io.productsync.matcher.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The matcher's own settings: topic layout ({@code productsync.kafka.*}), how many stream threads this instance runs
 * ({@code productsync.matcher.stream-threads}) and how long it waits at start for an input topic that does not exist
 * yet ({@code productsync.matcher.input-topics-wait}).
 */
@ConfigurationProperties("productsync")
record MatcherSettings(
        @DefaultValue Kafka kafka, @DefaultValue Matcher matcher) {

    record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {}

    record Matcher(
            @DefaultValue("1") int streamThreads,
            @DefaultValue("2m") Duration inputTopicsWait) {}
}
