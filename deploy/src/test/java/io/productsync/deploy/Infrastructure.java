package io.productsync.deploy;

import io.productsync.report.system.LocalRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the end-to-end tests get their broker and database: real containers where a Docker engine runs, otherwise
 * a real in-process KRaft broker and real PostgreSQL binaries. Started once per test JVM; the test bodies cannot
 * tell which they got.
 */
record Infrastructure(String bootstrapServers, String jdbcUrl, String username, String password, String rolePassword) {

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
        return withRoles(
                kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    /** Creates sync-report-api's roles as the launcher does, with a password of this run (a container asks for one). */
    private static Infrastructure withRoles(String bootstrapServers, String jdbcUrl, String username, String password) {
        String rolePassword = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(jdbcUrl, username, password);
                Statement statement = db.createStatement()) {
            statement.execute(LocalRoles.sql());
            for (String role : List.of("productsync_web", "productsync_ingest")) {
                statement.execute("ALTER ROLE " + role + " PASSWORD '" + rolePassword + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create sync-report-api's database roles", e);
        }
        return new Infrastructure(bootstrapServers, jdbcUrl, username, password, rolePassword);
    }

    /** sync-report-api's connection: Flyway as the database's owner, the service as its roles. */
    Map<String, Object> reportProperties() {
        return ReportDatabase.properties(jdbcUrl, username, password, rolePassword);
    }

    @Override
    public String toString() {
        return "Infrastructure[" + bootstrapServers + ", " + jdbcUrl + "]";
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
            return withRoles(
                    kafka.getBrokersAsString(),
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "postgres",
                    "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
