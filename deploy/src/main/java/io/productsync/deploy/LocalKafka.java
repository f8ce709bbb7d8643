package io.productsync.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker (broker and controller in one) running inside this JVM, keeping its log in a
 * directory that survives restarts. The storage is formatted once, on first start, the way {@code kafka-storage.sh
 * format --standalone} does it.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalKafka start(Path dataDir, int port, int partitions) {
        return start(dataDir, port, partitions, Map.of());
    }

    /**
     * With {@code overrides} on top of the local settings (a test's extra listeners, authorizer and SASL mechanisms);
     * the PLAINTEXT listener on {@code port} stays the inter-broker one.
     */
    static LocalKafka start(Path dataDir, int port, int partitions, Map<String, String> overrides) {
        Path logDir = dataDir.resolve("kafka");
        Properties properties = serverProperties(logDir, port, partitions);
        properties.putAll(overrides);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dataDir, properties);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, port);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** The controller listens next to the broker. */
    static int controllerPort(int port) {
        return port + 1;
    }

    private static Properties serverProperties(Path logDir, int port, int partitions) {
        int controllerPort = controllerPort(port);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", String.valueOf(partitions));
        // One node: internal topics cannot have more replicas than that.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are declared by the services that write them, with their cleanup policy; never guessed.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path dataDir, Properties properties) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("kafka-server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "written by the Product Sync launcher");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String[] args = {
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--standalone"
            };
            int exit = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
