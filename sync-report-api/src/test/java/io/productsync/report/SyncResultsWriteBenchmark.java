package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.Topics;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * sync-results into product_sync (issue 7, B2): 500,000 results through the real listener path (broker, JSON, the
 * listener, the writer), new rows then the same SKUs updated, next to the baseline measured in the same run on the
 * same database and table: the same rows COPYed into a staging table and merged with INSERT ... ON CONFLICT, in chunks
 * of 5,000 per transaction. Run by command only (the name keeps it out of the normal suite):
 *
 * <pre>./mvnw -q -B -o -pl sync-report-api verify -Dtest=SyncResultsWriteBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbench.countTriggers=off} runs both without the triggers that keep product_sync_counts (V8), to measure their
 * share: the counts are then wrong, which nothing here reads.
 *
 * Figures go to {@code target/benchmarks/sync-results-write.txt}.
 */
@EmbeddedKafka
class SyncResultsWriteBenchmark {

    private static final int ROWS = 500_000;
    private static final int PARTITIONS = 6;
    private static final int BASELINE_CHUNK = 5_000;
    private static final String TENANT = "bench";
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final String GROUP = "sync-report-api";
    private static final String LISTENER = "sync-report-api-sync-results";

    private final List<String> report = new ArrayList<>();

    @Test
    void writesHalfAMillionResultsNearTheSpeedOfCopyAndMerge(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, PARTITIONS);
        String url = TestDatabase.newDatabaseUrl("writebench");
        try (ConfigurableApplicationContext app = RunningService.start(
                        brokers, url, "--productsync.kafka.partitions=" + PARTITIONS, "--logging.level.root=WARN");
                SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            MessageListenerContainer listener =
                    app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            boolean countTriggers = !"off".equals(System.getProperty("bench.countTriggers"));
            if (!countTriggers) {
                jdbc.execute("ALTER TABLE product_sync DISABLE TRIGGER USER");
            }
            print(
                    "%d cores shared with other builds, load average %.2f; %,d results, %d partitions; counts' triggers"
                            + " %s",
                    cores(), load(), ROWS, PARTITIONS, countTriggers ? "on" : "off");
            double[] listenerRates = new double[2];
            double[] baselineRates = new double[2];
            for (int phase = 0; phase < 2; phase++) {
                String what = phase == 0 ? "new" : "updating";
                listenerRates[phase] = throughListener(admin, brokers, listener, phase);
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM product_sync WHERE cart_id = 'listener' AND evaluated_at = ?",
                                Long.class,
                                java.sql.Timestamp.from(evaluatedAt(phase))))
                        .isEqualTo(ROWS);
                baselineRates[phase] = baseline(dataSource, phase);
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM product_sync WHERE cart_id = 'baseline' AND evaluated_at = ?",
                                Long.class,
                                java.sql.Timestamp.from(evaluatedAt(phase))))
                        .isEqualTo(ROWS);
                print(
                        "%-9s listener %,9.0f rows/s   baseline COPY + merge %,9.0f rows/s   ratio %.2f   (load %.2f)",
                        what,
                        listenerRates[phase],
                        baselineRates[phase],
                        listenerRates[phase] / baselineRates[phase],
                        load());
            }
        } finally {
            Path out = Path.of("target", "benchmarks", "sync-results-write.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    /** Sends the phase's results while the listener is paused, then times it from resume to the last commit. */
    private double throughListener(Admin admin, String brokers, MessageListenerContainer listener, int phase)
            throws Exception {
        await().atMost(Duration.ofMinutes(1))
                .until(() -> !listener.getAssignedPartitions().isEmpty());
        listener.pause();
        await().atMost(Duration.ofMinutes(1)).until(listener::isContainerPaused);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var serializer = Topics.SYNC_RESULTS.valueSerde().serializer();
            for (int i = 0; i < ROWS; i++) {
                SkuSyncEvaluated result = result("listener", i, phase);
                producer.send(new ProducerRecord<>(
                        Topics.SYNC_RESULTS.name(),
                        result.key().value(),
                        serializer.serialize(Topics.SYNC_RESULTS.name(), result)));
            }
            producer.flush();
        }
        Map<TopicPartition, Long> ends = ends(admin);
        long started = System.nanoTime();
        listener.resume();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> committedUpTo(admin, ends));
        return ROWS / ((System.nanoTime() - started) / 1e9);
    }

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(Topics.SYNC_RESULTS.name(), p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end :
                admin.listOffsets(latest).all().get().entrySet()) {
            ends.put(end.getKey(), end.getValue().offset());
        }
        return ends;
    }

    private static boolean committedUpTo(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            return end.getValue() == 0 || (offset != null && offset.offset() >= end.getValue());
        });
    }

    /** The baseline: each chunk COPYed into a temporary staging table and merged, one transaction per chunk. */
    private static double baseline(SingleConnectionDataSource dataSource, int phase) throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS baseline_staging"
                    + " (LIKE product_sync INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
            connection.commit();
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            for (int from = 0; from < ROWS; from += BASELINE_CHUNK) {
                StringBuilder csv = new StringBuilder(BASELINE_CHUNK * 200);
                for (int i = from; i < Math.min(ROWS, from + BASELINE_CHUNK); i++) {
                    csvLine(csv, result("baseline", i, phase));
                }
                copy.copyIn(
                        "COPY baseline_staging (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
                statement.executeUpdate("INSERT INTO product_sync (" + COLUMNS + ") SELECT " + COLUMNS
                        + " FROM baseline_staging ON CONFLICT (tenant_id, cart_id, sku) DO UPDATE SET "
                        + UPDATE_ALL);
                connection.commit();
            }
            return ROWS / ((System.nanoTime() - started) / 1e9);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static final String COLUMNS = "tenant_id, cart_id, sku, inventory_enabled, outcome, reason, detail,"
            + " matched_wms_sku, matched_via, cart_quantity, wms_quantity, pushed_quantity, last_cart_sync_date,"
            + " evaluated_at, event_id";

    private static final String UPDATE_ALL = String.join(
            ", ",
            java.util.Arrays.stream(COLUMNS.split(","))
                    .map(String::strip)
                    .skip(3)
                    .map(column -> column + " = excluded." + column)
                    .toList());

    private static void csvLine(StringBuilder csv, SkuSyncEvaluated r) {
        csv.append(r.tenantId())
                .append(',')
                .append(r.cartId())
                .append(",\"")
                .append(r.sku())
                .append("\",");
        csv.append(r.inventoryEnabled()).append(',').append(r.outcome().name()).append(',');
        csv.append(r.reason() == null ? "" : r.reason().name()).append(",,");
        csv.append(r.matchedWmsSku() == null ? "" : '"' + r.matchedWmsSku() + '"')
                .append(',');
        csv.append(r.matchedVia() == null ? "" : r.matchedVia().name()).append(',');
        csv.append(r.cartQuantity() == null ? "" : r.cartQuantity()).append(',');
        csv.append(r.wmsQuantity() == null ? "" : r.wmsQuantity()).append(',');
        csv.append(r.pushedQuantity() == null ? "" : r.pushedQuantity()).append(',');
        csv.append(r.syncedAt() == null ? "" : r.syncedAt()).append(',');
        csv.append(r.evaluatedAt()).append(',').append(r.eventId()).append('\n');
    }

    private static Instant evaluatedAt(int phase) {
        return T0.plusSeconds(60L * (phase + 1));
    }

    /** Result {@code i} of a phase: 98 % VERIFIED, 2 % NEVER; the updating phase changes the quantities. */
    static SkuSyncEvaluated result(String cart, int i, int phase) {
        String sku = "SKU-%07d".formatted(i);
        Instant at = evaluatedAt(phase);
        if (i % 50 == 0) {
            return new SkuSyncEvaluated(
                    UUID.randomUUID(),
                    TENANT,
                    cart,
                    sku,
                    true,
                    SyncOutcome.NOT_SYNCED,
                    SyncReason.NO_WMS_MATCH,
                    null,
                    null,
                    null,
                    (long) phase,
                    null,
                    null,
                    null,
                    at);
        }
        long quantity = i % 100 + phase;
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                cart,
                sku,
                true,
                SyncOutcome.VERIFIED,
                null,
                null,
                sku,
                MatchedVia.SKU,
                quantity,
                quantity,
                null,
                at,
                at);
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void print(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println(line);
        report.add(line);
    }
}
