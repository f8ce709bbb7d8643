package io.productsync.matcher.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Generated names shift when the topology changes and then silently orphan state; every name must be ours. */
class SyncTopologyNamesTest {

    private final TopologyDescription description = describe();

    @Test
    void namesEveryProcessorStoreAndInternalTopic() {
        assertThat(description.toString())
                .doesNotContain("KSTREAM-")
                .doesNotContain("KTABLE-")
                .doesNotContain("-0000000");
    }

    @Test
    void keepsTheStoreNamesDeployAndReadmeRelyOn() {
        assertThat(description.toString())
                .contains(
                        TopologyNames.WMS_ROW_STORE,
                        TopologyNames.ALIAS_TABLE_STORE,
                        TopologyNames.CONNECTION_TABLE_STORE,
                        TopologyNames.CART_STORE,
                        TopologyNames.WMS_INDEX_STORE,
                        TopologyNames.PENDING_PUSH_STORE,
                        TopologyNames.CART_CYCLE_STORE,
                        RerouteTopics.CART.name(),
                        RerouteTopics.WMS.name(),
                        BroadcastTopics.ALIASES.name(),
                        BroadcastTopics.CONNECTIONS.name());
    }

    @Test
    void buildsWithGeneratedInternalNamesRefusedAsTheAppRunsIt() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-matcher");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
        SyncTopology.build(builder, Clock.systemUTC(), 6);

        assertThat(listsSorted(builder.build().describe().toString())).isEqualTo(listsSorted(description.toString()));
    }

    /** A node's stores are listed from a hash set, in an order that may differ between two builds of one topology. */
    private static String listsSorted(String description) {
        return Pattern.compile("\\[([^\\]]*)]")
                .matcher(description)
                .replaceAll(list -> "["
                        + Arrays.stream(list.group(1).split(", ")).sorted().collect(Collectors.joining(", "))
                        + "]");
    }

    private static TopologyDescription describe() {
        StreamsBuilder builder = new StreamsBuilder();
        SyncTopology.build(builder, Clock.systemUTC(), 6);
        return builder.build().describe();
    }
}
