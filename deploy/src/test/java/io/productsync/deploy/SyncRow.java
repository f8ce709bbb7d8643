package io.productsync.deploy;

import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/** The part of a SKU's sync state the rules decide, wherever it is read from (a topic or the table). */
record SyncRow(String sku, SyncOutcome outcome, SyncReason reason, Long cartQuantity, Long wmsQuantity) {

    static SyncRow of(SkuSyncEvaluated result) {
        return new SyncRow(
                result.sku(), result.outcome(), result.reason(), result.cartQuantity(), result.wmsQuantity());
    }

    /**
     * What differs between the rows found (by SKU) and what the rules give for SKUs {@code 0..size-1}: null when
     * nothing does, else the counts of missing, extra and stale rows with an example of each.
     */
    static String differences(Map<String, SyncRow> found, int size, IntFunction<SyncRow> expected) {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (int i = 0; i < size; i++) {
            SyncRow want = expected.apply(i);
            known.add(want.sku());
            SyncRow got = found.get(want.sku());
            if (got == null) {
                missing.add(want.sku());
            } else if (!got.equals(want)) {
                stale.add(want.sku() + " is " + got + ", expected " + want);
            }
        }
        List<String> extra =
                found.keySet().stream().filter(sku -> !known.contains(sku)).toList();
        if (missing.isEmpty() && stale.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return "%d missing%s, %d extra%s, %d stale%s"
                .formatted(
                        missing.size(), example(missing), extra.size(), example(extra), stale.size(), example(stale));
    }

    private static String example(List<String> items) {
        return items.isEmpty() ? "" : " (e.g. " + items.get(0) + ")";
    }
}
