package io.productsync.deploy;

import io.productsync.report.security.LocalAdmin;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One command for the whole system. By default it starts a real Kafka broker and real PostgreSQL in this JVM (data
 * in {@code productsync.data-dir}), seeds the demo sandbox on first start, and runs the three services against them.
 * With {@code --productsync.embedded=false} it runs only the services named in {@code productsync.services} against
 * the Kafka cluster and PostgreSQL server given by the usual Spring properties or environment variables.
 */
public final class LocalProductSync {

    private static final Logger log = LoggerFactory.getLogger(LocalProductSync.class);

    private LocalProductSync() {}

    public static void main(String[] args) {
        HeapLimit.missing(
                        ManagementFactory.getRuntimeMXBean().getInputArguments(),
                        Runtime.getRuntime().maxMemory())
                .ifPresent(log::warn);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        Set<String> services = services(environment);
        StartedParts started = StartedParts.stoppedOnShutdown();
        if (!environment.getProperty("productsync.embedded", Boolean.class, true)) {
            started.start(() -> ProductSyncServices.start(services, Map.of(), args));
            return;
        }

        Path dataDir = Path.of(environment.getProperty("productsync.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        Path sandboxDir = Path.of(environment.getProperty("productsync.sandbox.dir", "./sandbox"))
                .toAbsolutePath()
                .normalize();
        int kafkaPort = environment.getProperty("productsync.kafka.port", Integer.class, 9092);
        int postgresPort = environment.getProperty("productsync.postgres.port", Integer.class, 5433);
        int partitions = environment.getProperty("productsync.kafka.partitions", Integer.class, 6);
        boolean firstStart = !Files.exists(dataDir.resolve("kafka").resolve("meta.properties"));

        try {
            claim(dataDir, postgresPort, kafkaPort);
            int pollerPort = environment.getProperty("productsync.poller.port", Integer.class, 8081);
            if (services.contains(ProductSyncServices.POLLER) && pollerPort != 0) {
                FreePort.require(pollerPort, "the inventory-poller's webhook endpoint", "productsync.poller.port");
            }
        } catch (LaunchRefused e) {
            log.error(e.getMessage());
            System.exit(1);
        }
        String signIn;
        try {
            log.info("Starting PostgreSQL on port {} with data in {}", postgresPort, LocalPostgres.directory(dataDir));
            LocalPostgres postgres = started.start(() -> LocalPostgres.start(dataDir, postgresPort));
            log.info("Starting Kafka on port {} with data in {}", kafkaPort, dataDir.resolve("kafka"));
            LocalKafka kafka = started.start(() -> LocalKafka.start(dataDir, kafkaPort, partitions));
            boolean seeded = DemoSandbox.seedFiles(sandboxDir);
            if (seeded) {
                log.info("Wrote the demo sandbox to {}", sandboxDir);
            }
            CredentialKeys keys = CredentialKeys.inDataDir(dataDir);
            ProductSyncServices running = started.start(() -> ProductSyncServices.start(
                    services, serviceProperties(kafka, postgres, dataDir, sandboxDir), keys.serviceProperties(), args));
            signIn = running.generatedOperatorPassword()
                    .map(password -> "\n  " + LocalAdmin.banner(password))
                    .orElse("");
            if ((firstStart || seeded) && services.contains(ProductSyncServices.REPORT)) {
                // The report declares product-aliases, its topic.
                DemoSandbox.publishAlias(kafka.bootstrapServers());
            }
        } catch (RuntimeException e) {
            // Otherwise the broker's threads would keep a failed launch alive.
            started.stop();
            throw e;
        }
        log.info(
                """

                Product Sync is running.
                  View Product Sync: http://localhost:{}/ (sign in as 'admin')
                  Sandbox files:     {}
                  Webhooks:          port {}, public URL {}{}
                Edit a CSV in the sandbox and the table follows within one poll interval. Ctrl+C stops everything.
                """,
                environment.getProperty("server.port", "8080"),
                sandboxDir,
                environment.getProperty("productsync.poller.port", "8081"),
                environment.getProperty(
                        "productsync.poller.webhooks.public-url",
                        "not set (--productsync.poller.webhooks.public-url): carts are polled only"),
                signIn);
    }

    /**
     * Before anything starts: a PostgreSQL left running on this data directory is ours and is stopped; a port held by
     * anything else is refused rather than shared.
     */
    private static void claim(Path dataDir, int postgresPort, int kafkaPort) {
        PostgresOrphan.stopIfRunning(LocalPostgres.directory(dataDir));
        FreePort.require(postgresPort, "PostgreSQL", "productsync.postgres.port");
        FreePort.require(kafkaPort, "the Kafka broker", "productsync.kafka.port");
        FreePort.require(
                LocalKafka.controllerPort(kafkaPort),
                "the Kafka controller (the broker port + 1)",
                "productsync.kafka.port");
    }

    /** Where the launcher's broker and database are; these override the services' own configuration files. */
    private static Map<String, Object> serviceProperties(
            LocalKafka kafka, LocalPostgres postgres, Path dataDir, Path sandboxDir) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.putAll(postgres.reportProperties());
        properties.put(
                "spring.kafka.streams.state-dir",
                dataDir.resolve("sync-matcher").toString());
        properties.put(
                "productsync.poller.state-dir",
                dataDir.resolve("inventory-poller").toString());
        properties.put("productsync.sandbox.dir", sandboxDir.toString());
        // A password generated on the first start goes in the banner below, not in the report's own log line.
        properties.put("productsync.security.announce-generated-password", "false");
        // One matcher instance: on restart it need not wait out its previous session before taking its partitions.
        properties.put("spring.kafka.streams.properties.internal.leave.group.on.close", "true");
        return properties;
    }

    private static Set<String> services(PropertyResolver environment) {
        String listed = environment.getProperty("productsync.services", String.join(",", ProductSyncServices.ALL));
        Set<String> services = new LinkedHashSet<>(Arrays.asList(listed.split("\\s*,\\s*")));
        if (!ProductSyncServices.ALL.containsAll(services)) {
            throw new IllegalArgumentException(
                    "productsync.services must list some of " + ProductSyncServices.ALL + ", was " + listed);
        }
        return services;
    }
}
