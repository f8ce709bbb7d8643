package io.productsync.matcher.matching;

import io.productsync.events.JsonSerde;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Out-of-order guard before a table: an observation older than the one already held for its key never wins, and a
 * tombstone (timed by the record timestamp) is remembered as "gone at t" so a late older observation cannot resurrect
 * the key. With a quantity function, a newer observation that carries the same quantity is not forwarded either, so
 * a re-poll with unchanged stock re-evaluates nothing. With a rank function, an observation of the same time as the one
 * held replaces it when it ranks higher: a cart snapshot publishes all its records at one time, and a later page that
 * finds a SKU on one more listing publishes it again with more {@code listings}.
 */
final class NewestObservationOnly<V> implements FixedKeyProcessorSupplier<String, V, V> {

    private final String storeName;
    private final Function<V, Instant> observedAt;
    private final Function<V, Long> quantity;
    private final Function<V, Integer> rank;

    NewestObservationOnly(
            String storeName, Function<V, Instant> observedAt, Function<V, Long> quantity, Function<V, Integer> rank) {
        this.storeName = storeName;
        this.observedAt = observedAt;
        this.quantity = quantity;
        this.rank = rank;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName), Serdes.String(), JsonSerde.of(Seen.class)));
    }

    @Override
    public FixedKeyProcessor<String, V, V> get() {
        return new Guard();
    }

    private final class Guard implements FixedKeyProcessor<String, V, V> {

        private FixedKeyProcessorContext<String, V> context;
        private KeyValueStore<String, Seen> seen;

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
            this.seen = context.getStateStore(storeName);
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            Seen held = seen.get(record.key());
            if (record.value() == null) {
                tombstone(record, held);
            } else {
                observation(record, held);
            }
        }

        private void tombstone(FixedKeyRecord<String, V> record, Seen held) {
            if (!Seen.admitsRemoval(held, record.timestamp())) {
                return;
            }
            seen.put(record.key(), new Seen(record.timestamp(), null, true, null));
            if (held != null && !held.gone()) {
                context.forward(record);
            }
        }

        private void observation(FixedKeyRecord<String, V> record, Seen held) {
            long at = observedAt.apply(record.value()).toEpochMilli();
            Integer newRank = rank.apply(record.value());
            if (!Seen.admits(held, at, newRank)) {
                return;
            }
            Long newQuantity = quantity.apply(record.value());
            seen.put(record.key(), new Seen(at, newQuantity, false, newRank));
            boolean changed = held == null
                    || held.gone()
                    || Seen.outranks(held, at, newRank)
                    || newQuantity == null
                    || !Objects.equals(newQuantity, held.quantity());
            if (changed) {
                context.forward(record);
            }
        }
    }
}
