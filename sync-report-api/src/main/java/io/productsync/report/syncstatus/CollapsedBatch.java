package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.report.system.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of sync-results reduced to at most one delete and one upsert per cart SKU, because PostgreSQL refuses to
 * update one row twice in one multi-row upsert. Deletes run before upserts, which keeps offset order: a SKU that left
 * the cart and came back within the batch is deleted, then inserted fresh.
 */
record CollapsedBatch(List<CartSkuKey> deletes, List<ProductSyncRow> upserts) {

    static CollapsedBatch of(List<Change<CartSkuKey, SkuSyncEvaluated>> changes) {
        Map<CartSkuKey, PerKey> byKey = new LinkedHashMap<>();
        for (Change<CartSkuKey, SkuSyncEvaluated> change : changes) {
            PerKey current = byKey.get(change.key());
            if (change.value() == null) {
                byKey.put(change.key(), new PerKey(true, null));
            } else if (current == null || current.row() == null) {
                boolean deleteFirst = current != null && current.deleteFirst();
                byKey.put(
                        change.key(),
                        new PerKey(deleteFirst, ProductSyncRow.of(change.key(), change.value(), change.partition())));
            } else {
                byKey.put(
                        change.key(),
                        new PerKey(current.deleteFirst(), current.row().merge(change.value(), change.partition())));
            }
        }
        List<CartSkuKey> deletes = new ArrayList<>();
        List<ProductSyncRow> upserts = new ArrayList<>();
        byKey.forEach((key, perKey) -> {
            if (perKey.deleteFirst()) {
                deletes.add(key);
            }
            if (perKey.row() != null) {
                upserts.add(perKey.row());
            }
        });
        return new CollapsedBatch(deletes, upserts);
    }

    private record PerKey(boolean deleteFirst, ProductSyncRow row) {}
}
