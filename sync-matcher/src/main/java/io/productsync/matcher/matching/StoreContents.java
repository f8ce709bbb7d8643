package io.productsync.matcher.matching;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Whether a store holds anything, asked once when a processor starts (after its task restored the store): a store that
 * is empty then and has not been written since needs no read, and on a first load most of them are.
 */
final class StoreContents {

    private StoreContents() {}

    static boolean holdsAny(ReadOnlyKeyValueStore<?, ?> store) {
        try (KeyValueIterator<?, ?> all = store.all()) {
            return all.hasNext();
        }
    }

    /** For a store only its owner writes: knows it is empty until the owner writes to it. */
    static final class Written {

        private boolean any;

        Written(KeyValueStore<?, ?> store) {
            this.any = holdsAny(store);
        }

        /** False only while the store is known to be empty. */
        boolean any() {
            return any;
        }

        void wrote() {
            any = true;
        }
    }
}
