package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's broker and database keep what they were given across a restart on the same data directory. */
class LocalInfrastructureRestartTest {

    @Test
    void keepsTopicsRecordsAndRowsAcrossARestart(@TempDir Path dataDir) throws Exception {
        int kafkaPort = TestPorts.freePair();
        int postgresPort = TestPorts.free();

        try (LocalPostgres postgres = LocalPostgres.start(dataDir, postgresPort);
                LocalKafka kafka = LocalKafka.start(dataDir, kafkaPort, 1)) {
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                db.createStatement().execute("CREATE TABLE kept (name text)");
                db.createStatement().execute("INSERT INTO kept VALUES ('before restart')");
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                    KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1)))
                        .all()
                        .get();
                producer.send(new ProducerRecord<>("kept", "key", "before restart"))
                        .get();
            }
        }

        try (LocalPostgres postgres = LocalPostgres.start(dataDir, postgresPort);
                LocalKafka kafka = LocalKafka.start(dataDir, kafkaPort, 1)) {
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                assertThat(names(db)).containsExactly("before restart");
            }
            assertThat(values(kafka.bootstrapServers(), "kept")).containsExactly("before restart");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer());
    }

    private static List<String> names(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("SELECT name FROM kept")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> values(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }
}
