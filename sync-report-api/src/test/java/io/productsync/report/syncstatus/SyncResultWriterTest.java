package io.productsync.report.syncstatus;

import static io.productsync.report.syncstatus.Results.EVERY_ROW;
import static io.productsync.report.syncstatus.Results.TENANT;
import static io.productsync.report.syncstatus.Results.at;
import static io.productsync.report.syncstatus.Results.change;
import static io.productsync.report.syncstatus.Results.failed;
import static io.productsync.report.syncstatus.Results.leftCart;
import static io.productsync.report.syncstatus.Results.notSynced;
import static io.productsync.report.syncstatus.Results.synced;
import static io.productsync.report.syncstatus.Results.verdict;
import static io.productsync.report.syncstatus.Results.verified;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncResultWriterTest {

    private static final String CART = "shop";

    private final DataSource dataSource = TestDatabase.migrated("writer");
    private final SyncResultWriter writer = new SyncResultWriter(
            new JdbcTemplate(TestDatabase.ingest(dataSource)),
            new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));
    private final ProductSyncQueries queries = new ProductSyncQueries(TestDatabase.reads(dataSource));

    @BeforeEach
    void emptyTable() {
        new JdbcTemplate(dataSource).execute("TRUNCATE product_sync, cart_cycles");
    }

    @Test
    void replayingTheSameBatchLeavesTheSameRows() {
        List<Change<CartSkuKey, SkuSyncEvaluated>> batch = List.of(
                change(verified(CART, "A", 10)),
                change(notSynced(CART, "B", SyncReason.NO_WMS_MATCH, 11)),
                leftCart(CART, "C"));
        writer.write(batch);
        List<ProductSyncItem> first = all();

        writer.write(batch);

        assertThat(all()).hasSize(2).isEqualTo(first);
    }

    @Test
    void olderResultNeverOverwritesNewerOne() {
        writer.write(List.of(change(notSynced(CART, "A", SyncReason.PRODUCT_DISABLED, 20))));

        writer.write(List.of(change(notSynced(CART, "A", SyncReason.NO_WMS_MATCH, 10))));

        ProductSyncItem row = row("A");
        assertThat(row.reason()).isEqualTo(SyncReason.PRODUCT_DISABLED);
        assertThat(row.evaluatedAt()).isEqualTo(at(20));
    }

    @Test
    void olderVerifiedArrivingAfterNewerNotSyncedStillAdvancesTheSyncDate() {
        writer.write(List.of(change(verified(CART, "A", 5))));
        writer.write(List.of(change(notSynced(CART, "A", SyncReason.SYNC_DISABLED, 30))));

        writer.write(List.of(change(verified(CART, "A", 20))));

        ProductSyncItem row = row("A");
        assertThat(row.lastCartSyncDate()).isEqualTo(at(20));
        assertThat(row.outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
        assertThat(row.reason()).isEqualTo(SyncReason.SYNC_DISABLED);
        assertThat(row.evaluatedAt()).isEqualTo(at(30));
    }

    @Test
    void syncDateNeverMovesBackwards() {
        writer.write(List.of(change(synced(SyncOutcome.UPDATED, CART, "A", 40, 40))));

        writer.write(List.of(change(synced(SyncOutcome.VERIFIED, CART, "A", 50, 35))));

        ProductSyncItem row = row("A");
        assertThat(row.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(row.lastCartSyncDate()).isEqualTo(at(40));
    }

    @Test
    void notSyncedAndFailedKeepThePreviousSyncDate() {
        writer.write(List.of(change(verified(CART, "A", 10))));

        writer.write(List.of(change(notSynced(CART, "A", SyncReason.INVENTORY_DISABLED, 20))));

        assertThat(row("A").lastCartSyncDate()).isEqualTo(at(10));
        assertThat(row("A").outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
    }

    @Test
    void reportsNeverWhenSkuWasNeverSynced() {
        writer.write(List.of(change(notSynced(CART, "A", SyncReason.NO_WMS_MATCH, 10))));

        assertThat(row("A").lastCartSyncDate()).isNull();
    }

    @Test
    void tombstoneDeletesTheRow() {
        writer.write(List.of(change(verified(CART, "A", 10)), change(verified(CART, "B", 10))));

        writer.write(List.of(leftCart(CART, "A")));

        assertThat(all()).extracting(ProductSyncItem::sku).containsExactly("B");
    }

    @Test
    void duplicateKeysInOneBatchKeepTheNewestResultAndTheLatestSyncDate() {
        writer.write(List.of(
                change(verified(CART, "A", 10)),
                change(notSynced(CART, "A", SyncReason.PRODUCT_DISABLED, 30)),
                change(verified(CART, "A", 20)),
                change(notSynced(CART, "A", SyncReason.NO_WMS_MATCH, 15))));

        ProductSyncItem row = row("A");
        assertThat(row.reason()).isEqualTo(SyncReason.PRODUCT_DISABLED);
        assertThat(row.evaluatedAt()).isEqualTo(at(30));
        assertThat(row.lastCartSyncDate()).isEqualTo(at(20));
    }

    @Test
    void tombstoneThenResultInOneBatchStartsTheRowAfresh() {
        writer.write(List.of(change(verified(CART, "A", 50))));

        writer.write(List.of(leftCart(CART, "A"), change(notSynced(CART, "A", SyncReason.NO_WMS_MATCH, 10))));

        ProductSyncItem row = row("A");
        assertThat(row.reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
        assertThat(row.lastCartSyncDate()).isNull();
    }

    @Test
    void resultThenTombstoneInOneBatchLeavesNoRow() {
        writer.write(List.of(change(verified(CART, "A", 50))));
        assertThat(all()).extracting(ProductSyncItem::sku).containsExactly("A");

        writer.write(List.of(change(verified(CART, "A", 60)), leftCart(CART, "A")));

        assertThat(all()).isEmpty();
    }

    @Test
    void textWithQuotesCommasLineBreaksAndBackslashesIsStoredExactly() {
        String sku = "TEE, \"RED\" \\N/M";
        SkuSyncEvaluated failed = failed(CART, sku, 10);
        SkuSyncEvaluated withDetail = new SkuSyncEvaluated(
                failed.eventId(),
                TENANT,
                CART,
                sku,
                true,
                SyncOutcome.FAILED,
                SyncReason.CART_REJECTED,
                "cart said \"no\",\r\nthen: \\. and ''",
                sku,
                null,
                null,
                null,
                null,
                null,
                at(10));

        writer.write(List.of(change(withDetail)));

        ProductSyncItem row = row(sku);
        assertThat(row.sku()).isEqualTo(sku);
        assertThat(row.detail()).isEqualTo("cart said \"no\",\r\nthen: \\. and ''");
        assertThat(row.matchedWmsSku()).isEqualTo(sku);
        assertThat(row.cartQuantity()).isNull();
    }

    @Test
    void verdictMovesOnlyTheSyncedRowsOfItsCartAndPartitionThatAreNotUnverifiedAndNeverBackwards() {
        writer.write(List.of(
                change(verified(CART, "VERIFIED", 10), 1),
                change(synced(SyncOutcome.UPDATED, CART, "UPDATED", 10, 10), 1),
                change(notSynced(CART, "NEVER", SyncReason.NO_WMS_MATCH, 10), 1),
                change(verified(CART, "FAILED", 5), 1),
                change(failed(CART, "FAILED", 8), 1),
                change(verified(CART, "PUSHING", 10), 1),
                change(verified(CART, "LATER", 50), 1),
                change(verified(CART, "OTHER-PARTITION", 10), 2),
                change(verified("other-shop", "OTHER-CART", 10), 1)));

        writer.write(List.of(verdict(CART, 1, 30, "PUSHING")));

        assertThat(row("VERIFIED").lastCartSyncDate()).isEqualTo(at(30));
        assertThat(row("UPDATED").lastCartSyncDate()).isEqualTo(at(30));
        assertThat(row("NEVER").lastCartSyncDate()).isNull();
        assertThat(row("FAILED").lastCartSyncDate()).isEqualTo(at(5));
        assertThat(row("PUSHING").lastCartSyncDate()).isEqualTo(at(10));
        assertThat(row("LATER").lastCartSyncDate()).isEqualTo(at(50));
        assertThat(row("OTHER-PARTITION").lastCartSyncDate()).isEqualTo(at(10));
        assertThat(queries.find(TENANT, "other-shop", "OTHER-CART")
                        .orElseThrow()
                        .lastCartSyncDate())
                .isEqualTo(at(10));
        assertThat(row("VERIFIED").evaluatedAt()).isEqualTo(at(10));
    }

    @Test
    void aRowFollowsThePartitionOfItsLatestResult() {
        writer.write(List.of(change(verified(CART, "A", 10), 1), change(verified(CART, "A", 20), 2)));

        writer.write(List.of(verdict(CART, 1, 30)));
        assertThat(row("A").lastCartSyncDate()).isEqualTo(at(20));

        writer.write(List.of(verdict(CART, 2, 40)));
        assertThat(row("A").lastCartSyncDate()).isEqualTo(at(40));
    }

    @Test
    void resultsAndVerdictsOfOneBatchApplyInOffsetOrder() {
        writer.write(List.of(change(verified(CART, "A", 10), 1), change(verified(CART, "B", 10), 1)));

        writer.write(List.of(
                change(notSynced(CART, "A", SyncReason.SYNC_DISABLED, 20), 1),
                verdict(CART, 1, 30),
                change(notSynced(CART, "B", SyncReason.SYNC_DISABLED, 40), 1),
                change(verified(CART, "C", 35), 1)));

        // A stopped being synced before the verdict: not moved; B was verified at 30 and then stopped: moved
        assertThat(row("A").lastCartSyncDate()).isEqualTo(at(10));
        assertThat(row("B").lastCartSyncDate()).isEqualTo(at(30));
        assertThat(row("B").outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
        assertThat(row("C").lastCartSyncDate()).isEqualTo(at(35));
    }

    @Test
    void theCartKeepsItsLatestVerdictAsItsLastCycleAndAReplayChangesNothing() {
        writer.write(List.of(change(verified(CART, "A", 10), 1)));
        assertThat(queries.summary(TENANT, CART).lastCycle()).isNull();
        var latest = verdict(CART, 1, 30);
        writer.write(List.of(latest));

        writer.write(List.of(verdict(CART, 2, 20), latest));

        assertThat(queries.summary(TENANT, CART).lastCycle()).isEqualTo(new LastCycle(at(30), at(32)));
        assertThat(row("A").lastCartSyncDate()).isEqualTo(at(30));
    }

    @Test
    void aVerdictMovesEachDateInPlaceWritingNoIndexEntry() {
        List<Change<?, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(change(verified(CART, "SKU-" + i, 10), 0));
        }
        writer.write(rows);
        DataSource ingest = TestDatabase.ingest(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(ingest);

        // The statistics of this transaction's own updates: how many were HOT (heap-only, no index written).
        Map<String, Object> updates = new TransactionTemplate(new DataSourceTransactionManager(ingest))
                .execute(status -> {
                    new CycleVerdicts(jdbc).apply(verdict(CART, 0, 20).value());
                    return jdbc.queryForMap("""
                            SELECT n_tup_upd AS updated, n_tup_hot_upd AS hot
                            FROM pg_stat_xact_user_tables WHERE relname = 'product_sync'
                            """);
                });

        assertThat(updates).containsEntry("updated", 2_000L).containsEntry("hot", 2_000L);
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT count(*) FROM product_sync WHERE last_cart_sync_date = ?",
                                Long.class,
                                at(20).atOffset(ZoneOffset.UTC)))
                .isEqualTo(2_000L);
    }

    private ProductSyncItem row(String sku) {
        return queries.find(TENANT, CART, sku).orElseThrow();
    }

    private List<ProductSyncItem> all() {
        return queries.page(TENANT, CART, EVERY_ROW, null, 500).items();
    }
}
