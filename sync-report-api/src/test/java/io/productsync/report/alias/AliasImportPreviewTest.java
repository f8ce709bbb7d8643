package io.productsync.report.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.report.TestDatabase;
import io.productsync.report.alias.ImportLine.Action;
import io.productsync.report.system.Change;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What an import would do, line by line, against the aliases already stored (a preview publishes nothing). */
class AliasImportPreviewTest {

    private final DataSource dataSource = TestDatabase.migrated("alias_import");
    private final AliasImport imports =
            new AliasImport(new AliasReadModel(TestDatabase.reads(dataSource)), null, Clock.systemUTC());

    @Test
    void eachLineIsAddedChangedUnchangedOrRefusedWithThePutsOwnWords() {
        AliasProjection.aliasesProjection(
                        new JdbcTemplate(TestDatabase.ingest(dataSource)),
                        new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))))
                .write(List.of(stored("UPC-1", "MUG", AliasKind.UPC), stored("OLD", "CUP", AliasKind.SKU)));

        ImportReport report = imports.preview("acme", AliasCsv.read(("""
                alias,wms_sku,kind
                NEW-1,TEE,SKU
                UPC-1,MUG,UPC
                OLD,CUP-2,SKU
                X,UPC-1,SKU
                MUG,MUG-2,SKU
                SELF,SELF,SKU
                K,TEE,EAN
                ,TEE,SKU
                NEW-1,TEE-2,SKU
                A,B,SKU
                B,C,SKU
                only,two
                """).getBytes(StandardCharsets.UTF_8)));

        assertThat(report.lines())
                .extracting(ImportLine::line, ImportLine::action, ImportLine::reason)
                .containsExactly(
                        tuple(2, Action.ADD, null),
                        tuple(3, Action.UNCHANGED, null),
                        tuple(4, Action.CHANGE, null),
                        tuple(
                                5,
                                Action.REFUSE,
                                "wmsSku 'UPC-1' is itself an alias (of 'MUG'): aliases resolve in one hop, so point"
                                        + " 'X' at 'MUG' directly"),
                        tuple(
                                6,
                                Action.REFUSE,
                                "'MUG' is the wmsSku of alias 'UPC-1': aliases resolve in one hop, so it cannot"
                                        + " become an alias itself; point those aliases at 'MUG-2' first"),
                        tuple(
                                7,
                                Action.REFUSE,
                                "alias 'SELF' points to itself: a SKU that is the same in the cart and the WMS"
                                        + " needs no alias"),
                        tuple(8, Action.REFUSE, "kind 'EAN' is not one of SKU, UPC, MPN, ASIN, LISTING_SKU, OTHER"),
                        tuple(9, Action.REFUSE, "alias is required"),
                        tuple(10, Action.REFUSE, "alias 'NEW-1' is already on line 2: give each alias one line"),
                        tuple(11, Action.ADD, null),
                        tuple(
                                12,
                                Action.REFUSE,
                                "'B' is the wmsSku of alias 'A': aliases resolve in one hop, so it cannot become an"
                                        + " alias itself; point those aliases at 'C' first"),
                        tuple(13, Action.REFUSE, "has 2 fields, expected 3: alias,wms_sku,kind"));
        assertThat(report)
                .extracting(
                        ImportReport::applied,
                        ImportReport::added,
                        ImportReport::changed,
                        ImportReport::unchanged,
                        ImportReport::refused)
                .containsExactly(false, 2, 1, 1, 8);
    }

    private static Change<io.productsync.events.AliasKey, ProductAliasChanged> stored(
            String alias, String wmsSku, AliasKind kind) {
        var change = new ProductAliasChanged("acme", alias, wmsSku, kind, Instant.parse("2026-11-27T09:00:00Z"));
        return new Change<>(change.key(), change);
    }
}
