package io.productsync.report.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Batches as a BATCH listener receives them from the real ErrorHandlingDeserializer around our JsonSerde. */
class RecordBatchesTest {

    private final ErrorHandlingDeserializer<SkuSyncEvaluated> values =
            new ErrorHandlingDeserializer<>(Topics.SYNC_RESULTS.valueSerde().deserializer());
    private final List<List<String>> applied = new ArrayList<>();

    @Test
    void appliesTheRecordsBeforeAnUnreadableOneAndNamesItWithTheDeserializerReason() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch = List.of(
                record(0, "demo/demo-shop/234567891", Fixtures.bytes("sku-sync-evaluated-updated.json")),
                record(1, "demo/demo-shop/broken", "{\"sku\": 42".getBytes(StandardCharsets.UTF_8)),
                record(2, "demo/demo-shop/BDreams", Fixtures.bytes("sku-sync-evaluated-not-synced.json")));

        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, RecordBatchesTest::describe, applied::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(batch.get(1));
                    assertThat(e.getMessage()).contains("not a valid SkuSyncEvaluated on sync-results");
                });
        assertThat(applied).containsExactly(List.of("result 234567891"));
    }

    @Test
    void readsANullValueWithoutDeserializerHeaderAsTombstone() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch = List.of(
                record(0, "demo/demo-shop/gone", null),
                record(1, "demo/demo-shop/BDreams", Fixtures.bytes("sku-sync-evaluated-not-synced.json")));

        RecordBatches.applyReadable(batch, RecordBatchesTest::describe, applied::add);

        assertThat(applied).containsExactly(List.of("tombstone demo/demo-shop/gone", "result BDreams"));
    }

    @Test
    void namesARecordItsReaderRefusesWithTheReadersMessage() {
        List<ConsumerRecord<String, SkuSyncEvaluated>> batch =
                List.of(record(0, "demo/demo-shop/gone", null), record(1, "no-slashes", null));

        assertThatThrownBy(() -> RecordBatches.applyReadable(batch, RecordBatchesTest::describe, applied::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(batch.get(1));
                    assertThat(e.getMessage()).contains("key 'no-slashes'").contains("must have 3 parts");
                });
        assertThat(applied).containsExactly(List.of("tombstone demo/demo-shop/gone"));
    }

    private static String describe(ConsumerRecord<String, SkuSyncEvaluated> record) {
        if (record.value() == null) {
            return "tombstone "
                    + io.productsync.events.CartSkuKey.parse(record.key()).value();
        }
        return "result " + record.value().sku();
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
