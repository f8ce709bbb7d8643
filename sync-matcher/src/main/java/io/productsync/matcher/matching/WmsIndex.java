package io.productsync.matcher.matching;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which cart SKUs of this task look up a WMS key: key {@code tenant/wms/wmsSku} + NUL + {@code tenant/cart/sku}, value
 * the cart SKU key. Written when a SKU first looks up a WMS key; an entry that no longer holds is dropped when read.
 */
final class WmsIndex {

    /** No control character can be in an id or a SKU, so this ends a WMS key in the composite key. */
    private static final String SEPARATOR = "\u0000";

    private static final StringSerializer PREFIX = new StringSerializer();

    private final KeyValueStore<String, String> store;
    private final StoreContents.Written written;

    WmsIndex(KeyValueStore<String, String> store) {
        this.store = store;
        this.written = new StoreContents.Written(store);
    }

    /** Read first: a SKU decided again looks up the same WMS key, and a second write would only cost a record. */
    void add(String wmsKey, String cartSkuKey) {
        String key = wmsKey + SEPARATOR + cartSkuKey;
        if (!written.any() || store.get(key) == null) {
            store.put(key, cartSkuKey);
            written.wrote();
        }
    }

    void remove(String wmsKey, String cartSkuKey) {
        store.delete(wmsKey + SEPARATOR + cartSkuKey);
    }

    /** The cart SKU keys listed for this WMS key, read out before the caller changes the index. */
    List<String> cartSkus(String wmsKey) {
        List<String> cartSkus = new ArrayList<>();
        if (!written.any()) {
            return cartSkus;
        }
        try (KeyValueIterator<String, String> entries = store.prefixScan(wmsKey + SEPARATOR, PREFIX)) {
            entries.forEachRemaining(entry -> cartSkus.add(entry.value));
        }
        return cartSkus;
    }
}
