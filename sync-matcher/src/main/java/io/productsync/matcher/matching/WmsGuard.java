package io.productsync.matcher.matching;

import io.productsync.events.WmsInventoryObserved;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The WMS rows a task owns, behind their out-of-order guard: a row older than the one held never wins, a tombstone
 * (timed by the record timestamp) is kept as "gone at t" so a late older row cannot resurrect the SKU, and a newer row
 * with the same available quantity is kept but not forwarded, so a re-poll with unchanged stock decides nothing. The
 * matcher reads the rows from the same store: one changelog record per WMS change.
 */
final class WmsGuard implements FixedKeyProcessorSupplier<String, WmsInventoryObserved, WmsInventoryObserved> {

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TopologyNames.WMS_ROW_STORE), Serdes.String(), new WmsHeldSerde()));
    }

    @Override
    public FixedKeyProcessor<String, WmsInventoryObserved, WmsInventoryObserved> get() {
        return new Guard();
    }

    private static final class Guard implements FixedKeyProcessor<String, WmsInventoryObserved, WmsInventoryObserved> {

        private FixedKeyProcessorContext<String, WmsInventoryObserved> context;
        private KeyValueStore<String, WmsHeld> rows;

        @Override
        public void init(FixedKeyProcessorContext<String, WmsInventoryObserved> context) {
            this.context = context;
            this.rows = context.getStateStore(TopologyNames.WMS_ROW_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, WmsInventoryObserved> record) {
            WmsHeld held = rows.get(record.key());
            Seen seen = held == null ? null : held.seen();
            WmsInventoryObserved row = record.value();
            if (row == null) {
                if (Seen.admitsRemoval(seen, record.timestamp())) {
                    rows.put(record.key(), WmsHeld.goneAt(record.timestamp()));
                    if (held != null && !held.gone()) {
                        context.forward(record);
                    }
                }
            } else if (Seen.admits(seen, row.observedAt().toEpochMilli(), null)) {
                rows.put(record.key(), WmsHeld.observed(row));
                if (held == null || held.gone() || held.row().available() != row.available()) {
                    context.forward(record);
                }
            }
        }
    }
}
