package io.productsync.report.wmssku;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import io.productsync.report.system.LatestValueProjection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class WmsSkuSuggestionsTest {

    private final DataSource dataSource = TestDatabase.migrated("wms_skus");
    private final WmsSkuSuggestions suggestions = new WmsSkuSuggestions(TestDatabase.reads(dataSource));
    private final LatestValueProjection<WmsSkuKey, WmsInventoryObserved> projection =
            WmsSkuProjection.wmsSkusProjection(
                    new JdbcTemplate(TestDatabase.ingest(dataSource)),
                    new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));

    @Test
    void aLooseSkuIgnoresCaseWhiteSpaceDashesAndLeadingZeros() {
        assertThat(LooseSku.of("BD-Reams 0042")).isEqualTo("bdreams0042");
        assertThat(LooseSku.of("00-12 345")).isEqualTo("12345");
        assertThat(LooseSku.of("000")).isEqualTo("0");
        assertThat(LooseSku.of("TEE/RED")).isEqualTo("tee/red");
    }

    @Test
    void suggestsTheWmsSkusThatMatchLooselyAcrossTheTenantsWmsesAndForgetsRemovedOnes() {
        projection.write(List.of(
                seen("main", "B-DREAMS"),
                seen("east", "bdreams"),
                seen("main", "BDreams"),
                seen("main", "BDREAMS-2024"),
                seen("main", "0012345"),
                seen("main", "B-DREAMS"),
                new Change<>(new WmsSkuKey("acme", "main", "gone"), null)));
        assertThat(suggestions.forCartSku("acme", "BDreams")).containsExactly("B-DREAMS", "bdreams");
        assertThat(suggestions.forCartSku("acme", "12-345")).containsExactly("0012345");
        assertThat(suggestions.forCartSku("other", "BDreams")).isEmpty();

        projection.write(List.of(new Change<>(new WmsSkuKey("acme", "east", "bdreams"), null)));

        assertThat(suggestions.forCartSku("acme", "BDreams")).containsExactly("B-DREAMS");
    }

    @Test
    void aSuggestionIsOneLookupOnTheNormalizedIndex() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO wms_skus SELECT 'bulk', 'main', 'SKU-' || g, 'sku' || g"
                + " FROM generate_series(1, 50000) g");
        jdbc.execute("ANALYZE wms_skus");

        String plan = String.join(
                "\n",
                jdbc.queryForList(
                        "EXPLAIN SELECT DISTINCT sku FROM wms_skus WHERE tenant_id = 'bulk'"
                                + " AND normalized = 'sku777' AND sku <> 'Sku777' ORDER BY sku LIMIT 10",
                        String.class));

        assertThat(plan).contains("wms_skus_by_normalized").doesNotContain("Seq Scan");
    }

    private static Change<WmsSkuKey, WmsInventoryObserved> seen(String wms, String sku) {
        var observed =
                new WmsInventoryObserved(UUID.randomUUID(), "acme", wms, sku, 5, Instant.parse("2026-11-27T09:00:00Z"));
        return new Change<>(observed.key(), observed);
    }
}
