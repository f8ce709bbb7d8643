package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The matcher reads topics that other services declare, and refuses to start on inputs its state is not partitioned
 * for. The broker holds three of the four inputs with 2 partitions, as their writer declared them; product-aliases
 * (declared by sync-report-api) was never created.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncMatcherInputTopicsTest {

    private static final List<Topic<String, ?>> DECLARED_BY_THE_POLLER =
            List.of(Topics.CART_INVENTORY, Topics.WMS_INVENTORY, Topics.CART_CONNECTIONS);

    private String bootstrapServers;

    @BeforeAll
    void declareThePollersTopics(EmbeddedKafkaBroker broker) throws Exception {
        bootstrapServers = broker.getBrokersAsString();
        TestKafka.declare(bootstrapServers, DECLARED_BY_THE_POLLER, 2);
    }

    @Test
    void refusesToStartAgainstAnInputWithTooFewPartitions(@TempDir Path stateDir) {
        assertThatThrownBy(() -> SyncMatcherApplication.builder()
                        .run(
                                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                                "--spring.kafka.streams.state-dir=" + stateDir,
                                "--productsync.kafka.partitions=3"))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Input topic 'cart-inventory' has 2 partitions, expected 3")
                .hasMessageContaining("(productsync.kafka.partitions)");
    }

    @Test
    void refusesToStartWhenAnInputIsStillMissingAfterTheWait(@TempDir Path stateDir) {
        assertThatThrownBy(() -> SyncMatcherApplication.builder()
                        .run(
                                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                                "--spring.kafka.streams.state-dir=" + stateDir,
                                "--productsync.kafka.partitions=2",
                                "--productsync.matcher.input-topics-wait=2s"))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("input topic 'product-aliases' is missing after waiting PT2S")
                .hasMessageContaining("(productsync.matcher.input-topics-wait)")
                .hasMessageContaining("sync-report-api declares it")
                .hasMessageNotContaining("cart-inventory");
    }
}
