package io.productsync.report.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch of a compacted topic reduced to the last value per key (null = tombstone), as compaction itself would:
 * one multi-row upsert may not touch a row twice.
 */
public record LatestPerKey<K, V>(List<K> deletes, List<V> upserts) {

    public static <C, K, V> LatestPerKey<K, V> of(List<C> changes, Function<C, K> key, Function<C, V> value) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (C change : changes) {
            latest.remove(key.apply(change));
            latest.put(key.apply(change), value.apply(change));
        }
        List<K> deletes = new ArrayList<>();
        List<V> upserts = new ArrayList<>();
        latest.forEach((k, v) -> {
            if (v == null) {
                deletes.add(k);
            } else {
                upserts.add(v);
            }
        });
        return new LatestPerKey<>(deletes, upserts);
    }
}
