package io.productsync.report.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of a compacted topic reduced to the last value per key (null = tombstone), as compaction itself would:
 * one multi-row upsert may not touch a row twice.
 */
record LatestPerKey<K, V>(List<K> deletes, List<V> upserts) {

    static <K, V> LatestPerKey<K, V> of(List<Change<K, V>> changes) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (Change<K, V> change : changes) {
            latest.remove(change.key());
            latest.put(change.key(), change.value());
        }
        List<K> deletes = new ArrayList<>();
        List<V> upserts = new ArrayList<>();
        latest.forEach((key, value) -> {
            if (value == null) {
                deletes.add(key);
            } else {
                upserts.add(value);
            }
        });
        return new LatestPerKey<>(deletes, upserts);
    }
}
