package io.productsync.report.syncstatus;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.report.system.Batches;
import io.productsync.report.system.Change;
import io.productsync.report.system.Ingest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of product_sync and cart_cycles: one transaction per listener batch, in which the results (deletes
 * as a JDBC batch, upserts COPYed and merged) and the cycle verdicts are applied in offset order, after the locks of
 * the batch's carts ({@link CartLocks}: the listener's consumers write at once).
 */
@Component
class SyncResultWriter {

    private static final String DELETE = "DELETE FROM product_sync WHERE tenant_id = ? AND cart_id = ? AND sku = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StagedMerge upserts;
    private final CycleVerdicts verdicts;
    private final CartLocks carts;

    SyncResultWriter(@Ingest JdbcTemplate jdbc, @Ingest TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.upserts = new StagedMerge(jdbc);
        this.verdicts = new CycleVerdicts(jdbc);
        this.carts = new CartLocks(jdbc);
    }

    /** Records of sync-results as read, in offset order: results, tombstones and cycle verdicts. */
    void write(List<? extends Change<?, ?>> records) {
        if (records.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            carts.lock(cartsOf(records));
            List<Change<CartSkuKey, SkuSyncEvaluated>> results = new ArrayList<>();
            boolean staged = false;
            for (Change<?, ?> record : records) {
                if (record.value() instanceof CartCycleVerified verdict) {
                    // The results before a verdict are written before it and those after it after it. Writing the
                    // whole batch's results first would be wrong: a verdict moves only rows whose latest result is
                    // synced, so a NOT_SYNCED result that follows it would stop it from moving a row it moved.
                    staged |= writeResults(results, staged);
                    results.clear();
                    verdicts.apply(verdict);
                } else {
                    results.add(new Change<>(
                            (CartSkuKey) record.key(), (SkuSyncEvaluated) record.value(), record.partition()));
                }
            }
            writeResults(results, staged);
        });
    }

    /** Returns whether it staged rows; {@code staged}: an earlier call of this transaction did. */
    private boolean writeResults(List<Change<CartSkuKey, SkuSyncEvaluated>> results, boolean staged) {
        CollapsedBatch batch = CollapsedBatch.of(results);
        Batches.execute(jdbc, DELETE, batch.deletes(), SyncResultWriter::bindKey);
        upserts.upsert(batch.upserts(), staged);
        return !batch.upserts().isEmpty();
    }

    private static Set<CartKey> cartsOf(List<? extends Change<?, ?>> records) {
        Set<CartKey> carts = new HashSet<>();
        for (Change<?, ?> record : records) {
            carts.add(
                    record.value() instanceof CartCycleVerified verdict
                            ? verdict.key()
                            : ((CartSkuKey) record.key()).cart());
        }
        return carts;
    }

    private static void bindKey(PreparedStatement ps, CartSkuKey key) throws SQLException {
        ps.setString(1, key.tenantId());
        ps.setString(2, key.cartId());
        ps.setString(3, key.sku());
    }
}
