package io.productsync.matcher.system;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The Kafka Streams client's health: UP while it is RUNNING or REBALANCING, DOWN in any other state (not started yet,
 * shutting down, or ERROR after a fatal error), with the state named and, after a fatal error, its cause.
 */
final class StreamsHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;
    private final StreamsFailure failure;

    StreamsHealth(StreamsBuilderFactoryBean streams, StreamsFailure failure) {
        this.streams = streams;
        this.failure = failure;
    }

    @Override
    public Health health() {
        KafkaStreams client = streams.getKafkaStreams();
        State state = client == null ? State.CREATED : client.state();
        Health.Builder health = state == State.RUNNING || state == State.REBALANCING ? Health.up() : Health.down();
        health.withDetail("state", state.name());
        failure.cause().ifPresent(cause -> health.withDetail("error", cause.toString()));
        return health.build();
    }
}
