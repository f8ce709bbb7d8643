package io.productsync.deploy;

import io.productsync.report.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The launcher's own broker and database ({@link LocalKafka}, {@link LocalPostgres}) on a fresh data directory, and
 * the services started on them through {@link ProductSyncServices}, as the launcher starts them: every goal and its
 * baseline run on this one broker and database.
 */
final class BenchSystem implements AutoCloseable {

    static final int PARTITIONS = 6;

    private final Path dataDir;
    private final LocalKafka kafka;
    private final LocalPostgres postgres;

    private BenchSystem(Path dataDir, LocalKafka kafka, LocalPostgres postgres) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static BenchSystem start(Path dataDir) {
        deleteTree(dataDir);
        LocalPostgres postgres = LocalPostgres.start(dataDir, TestPorts.free());
        try {
            return new BenchSystem(dataDir, LocalKafka.start(dataDir, TestPorts.freePair(), PARTITIONS), postgres);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** Starts these services (in the launcher's order) with the sandbox polled every {@code pollInterval}. */
    ProductSyncServices services(Set<String> names, Duration pollInterval) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
        properties.putAll(postgres.reportProperties());
        properties.put("spring.kafka.streams.state-dir", matcherStateDir().toString());
        properties.put(
                "productsync.poller.state-dir",
                dataDir.resolve("inventory-poller").toString());
        properties.put("productsync.kafka.partitions", String.valueOf(PARTITIONS));
        properties.put("productsync.sandbox.dir", sandboxDir().toString());
        properties.put("productsync.sandbox.poll-interval", pollInterval.toString());
        properties.put("server.port", "0");
        properties.put("productsync.poller.port", "0");
        properties.put("productsync.security.local-admin-password", Operator.password());
        properties.put("spring.kafka.streams.properties.internal.leave.group.on.close", "true");
        // On the command line: logging is set up before the launcher's properties are added.
        return ProductSyncServices.start(names, properties, "--logging.level.root=WARN");
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Connection jdbc() {
        try {
            return DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the benchmark's PostgreSQL", e);
        }
    }

    Path sandboxDir() {
        return dataDir.resolve("sandbox");
    }

    Path matcherStateDir() {
        return dataDir.resolve("sync-matcher");
    }

    Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }

    static long bytesUnder(Path dir) {
        return bytesUnder(dir, "");
    }

    /** The size of the files under {@code dir} whose name ends with {@code suffix}. */
    static long bytesUnder(Path dir, String suffix) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException gone) {
                            return 0; // a segment or SST file removed while we walked
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
