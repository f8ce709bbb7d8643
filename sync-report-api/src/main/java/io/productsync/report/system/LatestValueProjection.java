package io.productsync.report.system;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors a compacted topic into a table: the latest value per key, a tombstone deletes the key's row. Each instance
 * (a bean) listens to its own topic; a batch is written in one transaction, the last change per key only, so a replayed
 * batch changes nothing.
 */
public final class LatestValueProjection<K, V> {

    private final KeyedTopic<K, V> topic;
    private final Table<K, V> table;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LatestValueProjection(
            KeyedTopic<K, V> topic, Table<K, V> table, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.topic = topic;
        this.table = table;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * How one table is written.
     *
     * @param delete    deletes the row of a key
     * @param upsert    inserts or replaces the row of a value
     */
    public record Table<K, V>(
            String delete,
            ParameterizedPreparedStatementSetter<K> bindKey,
            String upsert,
            ParameterizedPreparedStatementSetter<V> bindValue) {}

    public String topicName() {
        return topic.topic().name();
    }

    @KafkaListener(
            id = "sync-report-api-#{__listener.topicName()}",
            topics = "#{__listener.topicName()}",
            groupId = "sync-report-api")
    void onRecords(List<ConsumerRecord<String, V>> records) {
        RecordBatches.applyReadable(records, topic, this::write);
    }

    public void write(List<Change<K, V>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        LatestPerKey<K, V> latest = LatestPerKey.of(changes);
        transaction.executeWithoutResult(status -> {
            Batches.execute(jdbc, table.delete(), latest.deletes(), table.bindKey());
            Batches.execute(jdbc, table.upsert(), latest.upserts(), table.bindValue());
        });
    }
}
