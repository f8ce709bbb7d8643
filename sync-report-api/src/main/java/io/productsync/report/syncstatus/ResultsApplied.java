package io.productsync.report.syncstatus;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartSkuKey;
import io.productsync.report.system.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * Published (as a Spring application event) after a batch of sync-results is in product_sync: the SKUs whose rows
 * changed or left the table, and the cycle verdicts that moved the sync dates of many rows at once, so whoever shows
 * them can refresh them without scanning the table.
 */
public record ResultsApplied(List<CartSkuKey> keys, List<CartCycleVerified> verdicts) {

    public ResultsApplied(List<CartSkuKey> keys) {
        this(keys, List.of());
    }

    static ResultsApplied of(List<? extends Change<?, ?>> records) {
        List<CartSkuKey> keys = new ArrayList<>();
        List<CartCycleVerified> verdicts = new ArrayList<>();
        for (Change<?, ?> record : records) {
            if (record.value() instanceof CartCycleVerified verdict) {
                verdicts.add(verdict);
            } else {
                keys.add((CartSkuKey) record.key());
            }
        }
        return new ResultsApplied(List.copyOf(keys), List.copyOf(verdicts));
    }
}
