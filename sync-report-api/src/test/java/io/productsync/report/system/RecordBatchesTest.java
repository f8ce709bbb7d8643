package io.productsync.report.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.CartSkuKey;
import io.productsync.events.DeadLetters;
import io.productsync.events.Fixtures;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Batches as a BATCH listener receives them from the real ErrorHandlingDeserializer around our JsonSerde. */
class RecordBatchesTest {

    private static final KeyedTopic<CartSkuKey, SkuSyncEvaluated> SYNC_RESULTS = new KeyedTopic<>(
            Topics.SYNC_RESULTS, CartSkuKey::parse, result -> result.key().value());

    private final ErrorHandlingDeserializer<SkuSyncEvaluated> values =
            new ErrorHandlingDeserializer<>(Topics.SYNC_RESULTS.valueSerde().deserializer());
    private final List<List<String>> applied = new ArrayList<>();

    @Test
    void appliesTheRecordsBeforeAnUnreadableOneAndNamesItWithTheDeserializerReason() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch = List.of(
                record(0, "demo/demo-shop/234567891", Fixtures.bytes("sku-sync-evaluated-updated.json")),
                record(1, "demo/demo-shop/broken", "{\"sku\": 42".getBytes(StandardCharsets.UTF_8)),
                record(2, "demo/demo-shop/BDreams", Fixtures.bytes("sku-sync-evaluated-not-synced.json")));

        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, SYNC_RESULTS, this::describe))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(batch.get(1));
                    assertThat(DeadLetters.reason(e)).startsWith("not a valid SkuSyncEvaluated on sync-results");
                });
        assertThat(applied).containsExactly(List.of("result demo/demo-shop/234567891"));
    }

    @Test
    void readsANullValueWithoutDeserializerHeaderAsTombstone() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch = List.of(
                record(0, "demo/demo-shop/gone", null),
                record(1, "demo/demo-shop/BDreams", Fixtures.bytes("sku-sync-evaluated-not-synced.json")));

        RecordBatches.applyReadable(batch, SYNC_RESULTS, this::describe);

        assertThat(applied).containsExactly(List.of("tombstone demo/demo-shop/gone", "result demo/demo-shop/BDreams"));
    }

    @Test
    void namesARecordWhoseKeyDoesNotParse() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch =
                List.of(record(0, "demo/demo-shop/gone", null), record(1, "no-slashes", null));

        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, SYNC_RESULTS, this::describe))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(batch.get(1));
                    assertThat(DeadLetters.reason(e))
                            .startsWith("bad key 'no-slashes' on sync-results")
                            .contains("must have 3 parts");
                });
        assertThat(applied).containsExactly(List.of("tombstone demo/demo-shop/gone"));
    }

    @Test
    void namesARecordWhoseKeyDisagreesWithItsValue() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch = List.of(
                record(0, "demo/demo-shop/gone", null),
                record(1, "demo/other-shop/BDreams", Fixtures.bytes("sku-sync-evaluated-not-synced.json")));

        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, SYNC_RESULTS, this::describe))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(batch.get(1));
                    assertThat(DeadLetters.reason(e))
                            .isEqualTo("key 'demo/other-shop/BDreams' on sync-results disagrees with the value's key "
                                    + "'demo/demo-shop/BDreams'");
                });
        assertThat(applied).containsExactly(List.of("tombstone demo/demo-shop/gone"));
    }

    @Test
    void namesTheFirstRecordWhenTheDatabaseIsUnavailableAndPassesOtherFailuresOn() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch = List.of(
                record(5, "demo/demo-shop/gone", null),
                record(6, "demo/demo-shop/BDreams", Fixtures.bytes("sku-sync-evaluated-not-synced.json")));
        var outage = new DataAccessResourceFailureException("connection refused");
        var bug = new DataIntegrityViolationException("constraint");

        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, SYNC_RESULTS, changes -> {
                    throw outage;
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(batch.get(0));
                    assertThat(e.getCause()).isSameAs(outage);
                });
        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, SYNC_RESULTS, changes -> {
                    throw bug;
                }))
                .isSameAs(bug);
    }

    private void describe(List<Change<CartSkuKey, SkuSyncEvaluated>> changes) {
        applied.add(changes.stream()
                .map(c ->
                        (c.value() == null ? "tombstone " : "result ") + c.key().value())
                .toList());
    }

    private ConsumerRecord<String, SkuSyncEvaluated> record(long offset, String key, byte[] value) {
        var headers = new RecordHeaders();
        SkuSyncEvaluated deserialized = values.deserialize("sync-results", headers, value);
        return new ConsumerRecord<>(
                "sync-results",
                0,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                key.length(),
                value == null ? 0 : value.length,
                key,
                deserialized,
                headers,
                Optional.empty());
    }
}
