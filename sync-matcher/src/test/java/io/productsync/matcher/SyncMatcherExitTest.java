package io.productsync.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The standalone matcher ({@code main}, in a JVM of its own) exits with 1 once Kafka Streams has shut its client down
 * for good, so an orchestrator restarts it; the launcher's contexts do not (see SyncMatcherHealthTest).
 */
@EmbeddedKafka
class SyncMatcherExitTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void theStandaloneMatcherExitsWithOneWhenItsStreamsClientFailsForGood(
            EmbeddedKafkaBroker broker, @TempDir Path workDir) throws Exception {
        String bootstrap = broker.getBrokersAsString();
        TestKafka.declare(bootstrap, TestKafka.INPUTS, 1);
        Path log = workDir.resolve("matcher.log");
        Process matcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SyncMatcherApplication.class.getName(),
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.kafka.streams.state-dir=" + workDir.resolve("state"),
                        "--productsync.kafka.partitions=1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (Admin admin = TestKafka.admin(bootstrap)) {
            await().atMost(PATIENCE).until(() -> read(log).contains("State transition from REBALANCING to RUNNING"));
            assertThat(matcher.isAlive()).isTrue();

            admin.deleteTopics(List.of(Topics.PRODUCT_ALIASES.name())).all().get();

            await().atMost(PATIENCE).until(() -> !matcher.isAlive());
            assertThat(matcher.exitValue()).isEqualTo(1);
            assertThat(read(log)).contains("Kafka Streams shut the matcher's client down for good");
        } finally {
            matcher.destroyForcibly();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log);
    }
}
