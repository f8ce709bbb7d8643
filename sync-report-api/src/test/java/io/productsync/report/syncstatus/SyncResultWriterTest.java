package io.productsync.report.syncstatus;

import static io.productsync.report.syncstatus.Results.EVERY_ROW;
import static io.productsync.report.syncstatus.Results.TENANT;
import static io.productsync.report.syncstatus.Results.at;
import static io.productsync.report.syncstatus.Results.change;
import static io.productsync.report.syncstatus.Results.leftCart;
import static io.productsync.report.syncstatus.Results.notSynced;
import static io.productsync.report.syncstatus.Results.synced;
import static io.productsync.report.syncstatus.Results.verified;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartSkuKey;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncResultWriterTest {

    private static final String CART = "shop";

    private final DataSource dataSource = TestDatabase.migrated("writer");
    private final SyncResultWriter writer = new SyncResultWriter(
            new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    private final ProductSyncQueries queries = new ProductSyncQueries(JdbcClient.create(dataSource));

    @BeforeEach
    void emptyTable() {
        new JdbcTemplate(dataSource).execute("TRUNCATE product_sync");
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

    private ProductSyncItem row(String sku) {
        return queries.find(TENANT, CART, sku).orElseThrow();
    }

    private List<ProductSyncItem> all() {
        return queries.page(TENANT, CART, EVERY_ROW, null, 500).items();
    }
}
