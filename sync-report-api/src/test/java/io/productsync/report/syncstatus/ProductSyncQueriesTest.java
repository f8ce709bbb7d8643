package io.productsync.report.syncstatus;

import static io.productsync.report.syncstatus.Results.EVERY_ROW;
import static io.productsync.report.syncstatus.Results.TENANT;
import static io.productsync.report.syncstatus.Results.change;
import static io.productsync.report.syncstatus.Results.notSynced;
import static io.productsync.report.syncstatus.Results.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.productsync.events.CartSkuKey;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import io.productsync.report.system.KeysetPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSyncQueriesTest {

    private static final String CART = "shop";
    private static final List<String> SYNCED = List.of(
            "TEE/RED/M",
            "TEE/RED/L",
            "TEE/BLUE",
            "tee/red/m",
            "50%",
            "5_0",
            "5a0",
            "500",
            "_x",
            "%y",
            "Zebra",
            "zebra",
            "é-accent",
            "日本",
            "emoji-\uD83D\uDE00",
            "A",
            "a",
            "a/b",
            "a%b",
            "a_b");
    private static final List<String> NEVER = List.of("NEVER-1", "NEVER-2", "never/3", "TEE/RED/S");

    private final DataSource dataSource = TestDatabase.migrated("queries");
    private final ProductSyncQueries queries = new ProductSyncQueries(TestDatabase.reads(dataSource));

    @BeforeAll
    void cartWithSyncedAndNeverSyncedSkus() {
        var writer = new SyncResultWriter(
                new JdbcTemplate(TestDatabase.ingest(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));
        List<Change<CartSkuKey, SkuSyncEvaluated>> changes = new ArrayList<>();
        SYNCED.forEach(sku -> changes.add(change(verified(CART, sku, 10))));
        changes.add(change(notSynced(CART, "NEVER-1", SyncReason.NO_WMS_MATCH, 10)));
        changes.add(change(notSynced(CART, "NEVER-2", SyncReason.NO_WMS_MATCH, 10)));
        changes.add(change(notSynced(CART, "never/3", SyncReason.PRODUCT_DISABLED, 10)));
        changes.add(change(notSynced(CART, "TEE/RED/S", SyncReason.INVENTORY_DISABLED, 10)));
        changes.add(change(verified("other-cart", "TEE/RED/X", 10)));
        writer.write(changes);
    }

    @Test
    void keysetPagingWalksEveryRowInByteOrderWithoutDuplicatesOrGaps() {
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            KeysetPage<ProductSyncItem> page = queries.page(TENANT, CART, EVERY_ROW, after, 3);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(item -> walked.add(item.sku()));
            after = page.lastKey();
            pages++;
        } while (after != null);

        List<String> expected = new ArrayList<>(SYNCED);
        expected.addAll(NEVER);
        expected.sort(Comparator.comparing(sku -> sku.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 2) / 3);
    }

    @Test
    void lastPageHasNoNext() {
        KeysetPage<ProductSyncItem> page = queries.page(TENANT, CART, EVERY_ROW, null, 500);

        assertThat(page.items()).hasSize(SYNCED.size() + NEVER.size());
        assertThat(page.lastKey()).isNull();
    }

    @Test
    void skuPrefixMatchesExactlyEvenWithLikeWildcards() {
        assertThat(skus(new SyncFilter(null, null, "5_"))).containsExactly("5_0");
        assertThat(skus(new SyncFilter(null, null, "5"))).containsExactly("50%", "500", "5_0", "5a0");
        assertThat(skus(new SyncFilter(null, null, "%"))).containsExactly("%y");
        assertThat(skus(new SyncFilter(null, null, "a%"))).containsExactly("a%b");
        assertThat(skus(new SyncFilter(null, null, "TEE/RED/"))).containsExactly("TEE/RED/L", "TEE/RED/M", "TEE/RED/S");
        assertThat(skus(new SyncFilter(null, null, "tee"))).containsExactly("tee/red/m");
        assertThat(skus(new SyncFilter(null, null, "日"))).containsExactly("日本");
        assertThat(skus(new SyncFilter(null, null, "nothing-starts-so"))).isEmpty();
    }

    @Test
    void neverFilterSplitsNeverSyncedFromSyncedRows() {
        assertThat(skus(new SyncFilter(true, null, null))).containsExactlyInAnyOrderElementsOf(NEVER);
        assertThat(skus(new SyncFilter(false, null, null))).containsExactlyInAnyOrderElementsOf(SYNCED);
    }

    @Test
    void reasonFilterCombinesWithNeverAndPrefix() {
        assertThat(skus(new SyncFilter(true, SyncReason.NO_WMS_MATCH, null))).containsExactly("NEVER-1", "NEVER-2");
        assertThat(skus(new SyncFilter(null, SyncReason.INVENTORY_DISABLED, "TEE/")))
                .containsExactly("TEE/RED/S");
        assertThat(skus(new SyncFilter(false, SyncReason.NO_WMS_MATCH, null))).isEmpty();
    }

    @Test
    void filteredPagesResumeAfterTheCursor() {
        KeysetPage<ProductSyncItem> first = queries.page(TENANT, CART, new SyncFilter(true, null, null), null, 2);
        KeysetPage<ProductSyncItem> second =
                queries.page(TENANT, CART, new SyncFilter(true, null, null), first.lastKey(), 2);

        assertThat(first.items()).extracting(ProductSyncItem::sku).containsExactly("NEVER-1", "NEVER-2");
        assertThat(second.items()).extracting(ProductSyncItem::sku).containsExactly("TEE/RED/S", "never/3");
        assertThat(second.lastKey()).isNull();
    }

    @Test
    void anOutcomeFilterListsOnlyThoseRowsAndTheSummaryCountsTheFailedOnes() {
        var writer = new SyncResultWriter(
                new JdbcTemplate(TestDatabase.ingest(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));
        SkuSyncEvaluated failed = new SkuSyncEvaluated(
                UUID.randomUUID(),
                TENANT,
                "failing",
                "B",
                true,
                SyncOutcome.FAILED,
                SyncReason.CART_REJECTED,
                "LOCKED: the item is locked",
                "B",
                MatchedVia.SKU,
                2L,
                5L,
                5L,
                null,
                Results.at(20));
        writer.write(List.of(
                change(verified("failing", "A", 10)),
                change(verified("failing", "B", 10)),
                change(failed),
                change(verified("failing", "C", 10))));

        KeysetPage<ProductSyncItem> failedRows =
                queries.page(TENANT, "failing", new SyncFilter(null, null, null, SyncOutcome.FAILED), null, 50);
        KeysetPage<ProductSyncItem> verifiedRows =
                queries.page(TENANT, "failing", new SyncFilter(null, null, null, SyncOutcome.VERIFIED), null, 50);

        assertThat(failedRows.items()).extracting(ProductSyncItem::sku).containsExactly("B");
        assertThat(failedRows.items().get(0).lastCartSyncDate())
                .as("synced before it failed")
                .isNotNull();
        assertThat(verifiedRows.items()).extracting(ProductSyncItem::sku).containsExactly("A", "C");
        SyncSummary summary = queries.summary(TENANT, "failing");
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.synced()).isEqualTo(3);
        assertThat(queries.summary(TENANT, CART).failed()).isZero();
    }

    @Test
    void summaryCountsSyncedAndNeverByReason() {
        SyncSummary summary = queries.summary(TENANT, CART);

        assertThat(summary.total()).isEqualTo(SYNCED.size() + NEVER.size());
        assertThat(summary.synced()).isEqualTo(SYNCED.size());
        assertThat(summary.never()).isEqualTo(NEVER.size());
        assertThat(summary.neverByReason())
                .containsExactly(
                        entry("SYNC_DISABLED", 0L),
                        entry("INVENTORY_DISABLED", 1L),
                        entry("PRODUCT_DISABLED", 1L),
                        entry("NO_WMS_MATCH", 2L),
                        entry("CART_REJECTED", 0L),
                        entry("DUPLICATE_CART_SKU", 0L));
    }

    @Test
    void findsOneSkuWithSlashesAndNothingForAnUnknownOne() {
        assertThat(queries.find(TENANT, CART, "TEE/RED/M"))
                .get()
                .extracting(ProductSyncItem::sku)
                .isEqualTo("TEE/RED/M");
        assertThat(queries.find(TENANT, CART, "TEE/RED/X")).isEmpty();
    }

    private List<String> skus(SyncFilter filter) {
        return queries.page(TENANT, CART, filter, null, 500).items().stream()
                .map(ProductSyncItem::sku)
                .toList();
    }
}
