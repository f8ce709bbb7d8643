package io.productsync.deploy;

import io.productsync.events.EventJson;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.node.ObjectNode;

/**
 * B1's baseline: the plainest Kafka Streams app over the matcher's inputs, with the matcher's guarantee and commit
 * interval: exactly_once_v2, parse each JSON value, add a field, write it.
 */
final class PassThroughApp implements AutoCloseable {

    static final String APPLICATION_ID = "bench-pass-through";
    static final String OUTPUT = "bench-pass-through-out";

    private final KafkaStreams streams;

    private PassThroughApp(KafkaStreams streams) {
        this.streams = streams;
    }

    static PassThroughApp start(String bootstrapServers, Collection<String> inputs, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(List.copyOf(inputs), Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(json -> {
                    ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(json);
                    node.put("passedThrough", true);
                    return EventJson.MAPPER.writeValueAsString(node);
                })
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put("auto.offset.reset", "earliest");
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        streams.start();
        return new PassThroughApp(streams);
    }

    @Override
    public void close() {
        streams.close();
    }
}
