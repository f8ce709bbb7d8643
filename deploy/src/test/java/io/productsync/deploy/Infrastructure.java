package io.productsync.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the end-to-end tests get their broker and database: real containers where a Docker engine runs, otherwise
 * a real in-process KRaft broker and real PostgreSQL binaries. Started once per test JVM; the test bodies cannot
 * tell which they got.
 */
record Infrastructure(String bootstrapServers, String jdbcUrl, String username, String password) {

    private static Infrastructure shared;

    static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = DockerClientFactory.instance().isDockerAvailable() ? containers() : embedded();
        }
        return shared;
    }

    private static Infrastructure containers() {
        KafkaContainer kafka =
                new KafkaContainer("apache/kafka:4.1.2").withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        kafka.start();
        postgres.start();
        // Ryuk removes the containers when the JVM exits.
        return new Infrastructure(
                kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static Infrastructure embedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        // Services declare their topics; a missing declaration must fail here as it would in production.
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.destroy();
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new Infrastructure(
                    kafka.getBrokersAsString(), postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
