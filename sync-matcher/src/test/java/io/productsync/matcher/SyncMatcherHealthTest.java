package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The Streams client's health on a real KRaft broker: UP while it runs, DOWN naming the state once a source topic is
 * deleted under it (Streams cannot continue without its input and shuts its client down for good), logged once.
 */
@EmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class SyncMatcherHealthTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String FAILED = "Kafka Streams shut the matcher's client down for good";

    @Test
    void healthIsUpWhileStreamsRunsAndDownWithTheErrorStateOnceASourceTopicIsDeleted(
            EmbeddedKafkaBroker broker, @TempDir Path stateDir, CapturedOutput output) throws Exception {
        String bootstrap = broker.getBrokersAsString();
        TestKafka.declare(bootstrap, TestKafka.INPUTS, 1);
        try (ConfigurableApplicationContext app = SyncMatcherApplication.builder()
                        .run(
                                "--spring.kafka.bootstrap-servers=" + bootstrap,
                                "--spring.kafka.streams.state-dir=" + stateDir,
                                "--productsync.kafka.partitions=1",
                                "--spring.jmx.enabled=true",
                                "--management.endpoint.health.show-details=always");
                Admin admin = TestKafka.admin(bootstrap)) {
            HealthIndicator streams = app.getBean("kafkaStreamsHealthIndicator", HealthIndicator.class);
            await().atMost(PATIENCE)
                    .until(() -> "RUNNING".equals(streams.health().getDetails().get("state")));
            assertThat(streams.health().getStatus()).isEqualTo(Status.UP);
            assertThat(overJmx()).containsEntry("status", "UP");
            assertThat(streamsOverJmx())
                    .containsEntry("status", "UP")
                    .containsEntry("details", Map.of("state", "RUNNING"));
            assertThat(output.getOut()).doesNotContain(FAILED);

            admin.deleteTopics(List.of(Topics.PRODUCT_ALIASES.name())).all().get();

            await().atMost(PATIENCE)
                    .until(() -> "ERROR".equals(streams.health().getDetails().get("state")));
            Health down = streams.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("error")).asString().isNotBlank();
            assertThat(output.getOut().split(FAILED, -1)).as("logged once").hasSize(2);
            assertThat(overJmx()).containsEntry("status", "DOWN");
            assertThat(streamsOverJmx()).containsEntry("status", "DOWN").containsEntry("details", down.getDetails());
        }
    }

    /** The actuator's health endpoint as JMX serves it (the matcher serves no HTTP). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> overJmx() throws Exception {
        return (Map<String, Object>) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("org.springframework.boot:type=Endpoint,name=Health"),
                        "health",
                        new Object[0],
                        new String[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> streamsOverJmx() throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) overJmx().get("components")).get("kafkaStreams");
    }
}
