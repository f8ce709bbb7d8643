package io.productsync.report.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.productsync.events.AliasKey;
import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import io.productsync.report.system.KeysetPage;
import io.productsync.report.system.LatestValueProjection;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasReadModelTest {

    private final DataSource dataSource = TestDatabase.migrated("aliases");
    private final AliasReadModel aliases = new AliasReadModel(TestDatabase.reads(dataSource));
    private final LatestValueProjection<AliasKey, ProductAliasChanged> projection = AliasProjection.aliasesProjection(
            new JdbcTemplate(TestDatabase.ingest(dataSource)),
            new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));

    @BeforeEach
    void emptyTable() {
        new JdbcTemplate(dataSource).execute("TRUNCATE aliases");
    }

    @Test
    void theLastChangePerAliasInABatchWinsAndTombstonesRemove() {
        projection.write(
                List.of(put("A", "MUG"), put("B", "CUP"), put("A", "MUG-BLUE"), removed("B"), put("C", "TEE")));

        assertThat(page(null, 10).items())
                .extracting(AliasView::alias, AliasView::wmsSku)
                .containsExactly(tuple("A", "MUG-BLUE"), tuple("C", "TEE"));
    }

    @Test
    void replayingABatchChangesNothing() {
        List<Change<AliasKey, ProductAliasChanged>> batch = List.of(put("A", "MUG"), removed("Z"));
        projection.write(batch);
        var first = page(null, 10).items();

        projection.write(batch);

        assertThat(page(null, 10).items()).isEqualTo(first).hasSize(1);
    }

    @Test
    void pagesWalkAliasesInByteOrder() {
        projection.write(
                List.of(put("b", "X"), put("LISTING/42", "X"), put("A", "X"), put("LISTING/7", "X"), put("a", "X")));

        KeysetPage<AliasView> first = page(null, 3);
        KeysetPage<AliasView> second = page(first.lastKey(), 3);

        assertThat(first.items()).extracting(AliasView::alias).containsExactly("A", "LISTING/42", "LISTING/7");
        assertThat(second.items()).extracting(AliasView::alias).containsExactly("a", "b");
        assertThat(second.lastKey()).isNull();
    }

    @Test
    void findsTheAliasesANewAliasWouldChainWith() {
        projection.write(List.of(put("B", "C"), put("X", "A"), put("Y", "A"), put("Z", "OTHER")));

        assertThat(aliases.chainingWith("acme", "A", "B"))
                .extracting(AliasReadModel.AliasLink::alias, AliasReadModel.AliasLink::wmsSku)
                .containsExactly(tuple("B", "C"), tuple("X", "A"), tuple("Y", "A"));
        assertThat(aliases.chainingWith("acme", "Z", "MUG")).isEmpty();
        assertThat(aliases.chainingWith("acme", "B", "D")).isEmpty();
    }

    private KeysetPage<AliasView> page(String after, int limit) {
        return aliases.page("acme", after, limit);
    }

    private static Change<AliasKey, ProductAliasChanged> put(String alias, String wmsSku) {
        var change = new ProductAliasChanged(
                "acme", alias, wmsSku, AliasKind.LISTING_SKU, Instant.parse("2026-11-27T09:10:00Z"));
        return new Change<>(change.key(), change);
    }

    private static Change<AliasKey, ProductAliasChanged> removed(String alias) {
        return new Change<>(new AliasKey("acme", alias), null);
    }
}
