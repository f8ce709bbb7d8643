package io.productsync.matcher.matching;

import io.productsync.events.SkuPartitions;
import io.productsync.events.Topic;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** A {@code tenant/owner/sku} record with the partition that owns its SKU, and whether that is this task's. */
record Placed<V>(V value, int partition, boolean here) {

    /** Places each record by the SKU of its key ({@link SkuPartitions}); a tombstone keeps its null value. */
    static <V> FixedKeyProcessorSupplier<String, V, Placed<V>> bySku(int partitions) {
        return () -> new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, Placed<V>> context;

            @Override
            public void init(FixedKeyProcessorContext<String, Placed<V>> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, V> record) {
                int owner = SkuPartitions.ofKey(record.key(), partitions);
                context.forward(record.withValue(new Placed<>(
                        record.value(), owner, owner == context.taskId().partition())));
            }
        };
    }

    /** To the owning partition of {@code topic}, in the topic's format. */
    static <V> Produced<String, Placed<V>> toOwner(Topic<String, V> topic, String name) {
        return Produced.<String, Placed<V>>with(
                        topic.keySerde(),
                        Serdes.serdeFrom(
                                (written, placed) ->
                                        topic.valueSerde().serializer().serialize(written, placed.value()),
                                (read, bytes) -> {
                                    throw new UnsupportedOperationException("placed records are only written");
                                }))
                .withStreamPartitioner((written, key, placed, partitions) -> Optional.of(Set.of(placed.partition())))
                .withName(name);
    }
}
