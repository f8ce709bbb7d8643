package io.productsync.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.cart.KnownCarts;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncRows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The CSV export over MockMvc, reading a real PostgreSQL: exact content, filters, quoting, formula neutralising. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSyncExportApiTest {

    private static final String EXPORT = "/api/v1/tenants/acme/carts/shop/product-sync/export";
    private static final Instant AT = Instant.parse("2026-11-27T09:15:30.125Z");
    private static final String HEADER = "sku,inventory_enabled,last_cart_sync_date,never,outcome,reason,detail,"
            + "cart_quantity,wms_quantity,matched_wms_sku,matched_via,evaluated_at\r\n";
    private static final String ALIAS_ROW =
            "012345678905,true,2026-11-27T09:15:30.125Z,false,VERIFIED,,,4,4,MUG-BLUE,ALIAS,2026-11-27T09:15:30.125Z\r\n";
    private static final String HYPERLINK_ROW = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","
            + "true,,true,NOT_SYNCED,NO_WMS_MATCH,,1,,,,2026-11-27T09:15:30.125Z\r\n";
    private static final String BDREAMS_ROW =
            "BDreams,false,,true,NOT_SYNCED,INVENTORY_DISABLED,,6,,,,2026-11-27T09:15:30.125Z\r\n";
    private static final String[] FAILED_ROWS = {
        "FAIL-1,true,,true,FAILED,CART_REJECTED,\"the cart said \"\"no\"\", twice\nretry later\","
                + "2,5,FAIL-1,SKU,2026-11-27T09:15:30.125Z\r\n",
        "FAIL-2,true,,true,FAILED,CART_REJECTED,'+cmd|' /C calc'!A0,2,5,FAIL-2,SKU,2026-11-27T09:15:30.125Z\r\n",
        "FAIL-3,true,,true,FAILED,CART_REJECTED,'-2+3,-2,5,FAIL-3,SKU,2026-11-27T09:15:30.125Z\r\n",
        "FAIL-4,true,,true,FAILED,CART_REJECTED,'@SUM(A1:A2),2,5,'-MUG,SKU,2026-11-27T09:15:30.125Z\r\n",
        "FAIL-5,true,,true,FAILED,CART_REJECTED,'\tleading tab,2,5,FAIL-5,SKU,2026-11-27T09:15:30.125Z\r\n",
        "FAIL-6,true,,true,FAILED,CART_REJECTED,\"'\rcarriage return\",2,5,FAIL-6,SKU,2026-11-27T09:15:30.125Z\r\n",
    };
    private static final String SKU_ROW =
            "SKU-1,true,2026-11-27T09:15:30.125Z,false,VERIFIED,,,4,4,SKU-1,SKU,2026-11-27T09:15:30.125Z\r\n";

    private final DataSource dataSource = TestDatabase.migrated("export");
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ProductSyncExportController(
                    new ProductSyncExport(new ProductSyncQueries(TestDatabase.reads(dataSource))),
                    new KnownScope(new KnownCarts(TestDatabase.reads(dataSource), TestDatabase.ingest(dataSource))),
                    Clock.fixed(Instant.parse("2026-11-28T23:59:59Z"), ZoneOffset.UTC)))
            .setControllerAdvice(new ProblemHandling())
            .build();

    @BeforeAll
    void cartWithNeverFailedAndAliasRows() {
        SyncRows.write(
                dataSource,
                List.of(
                        synced("012345678905", "MUG-BLUE", MatchedVia.ALIAS),
                        synced("SKU-1", "SKU-1", MatchedVia.SKU),
                        never("=HYPERLINK(\"http://evil.example\",\"click\")", SyncReason.NO_WMS_MATCH, true, 1),
                        never("BDreams", SyncReason.INVENTORY_DISABLED, false, 6),
                        failed("FAIL-1", "the cart said \"no\", twice\nretry later", 2, "FAIL-1"),
                        failed("FAIL-2", "+cmd|' /C calc'!A0", 2, "FAIL-2"),
                        failed("FAIL-3", "-2+3", -2, "FAIL-3"),
                        failed("FAIL-4", "@SUM(A1:A2)", 2, "-MUG"),
                        failed("FAIL-5", "\tleading tab", 2, "FAIL-5"),
                        failed("FAIL-6", "\rcarriage return", 2, "FAIL-6")));
        new JdbcTemplate(dataSource).execute("""
                INSERT INTO carts VALUES ('acme', 'empty-shop', 'main', true, true, interval '10 seconds', now());
                INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome,
                    last_cart_sync_date, evaluated_at, event_id)
                SELECT 'acme', 'big', 'B-' || lpad(i::text, 6, '0'), true, 'VERIFIED', now(), now(), gen_random_uuid()
                FROM generate_series(1, 12001) AS i;
                """);
    }

    @Test
    void exportsTheWholeTableAsAnAttachmentWithNeverFailedAndAliasRowsQuotedAndNeutralised() throws Exception {
        String csv = mvc.perform(get(EXPORT))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv; charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"acme_shop_product-sync_2026-11-28.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv)
                .isEqualTo(HEADER + ALIAS_ROW + HYPERLINK_ROW + BDREAMS_ROW + String.join("", FAILED_ROWS) + SKU_ROW);
    }

    @Test
    void appliesTheListsFilters() throws Exception {
        assertThat(export("?never=true&reason=CART_REJECTED")).isEqualTo(HEADER + String.join("", FAILED_ROWS));
        assertThat(export("?never=false")).isEqualTo(HEADER + ALIAS_ROW + SKU_ROW);
        assertThat(export("?skuPrefix=FAIL-1")).isEqualTo(HEADER + FAILED_ROWS[0]);
        assertThat(export("?skuPrefix=%3D")).isEqualTo(HEADER + HYPERLINK_ROW);
        assertThat(export("?never=true&skuPrefix=SKU")).isEqualTo(HEADER);
    }

    @Test
    void aCartWithoutRowsExportsTheHeaderOnly() throws Exception {
        mvc.perform(get("/api/v1/tenants/acme/carts/empty-shop/product-sync/export"))
                .andExpect(status().isOk())
                .andExpect(content().string(HEADER));
    }

    @Test
    void readsACartLargerThanOneBatchInSkuOrderWithEveryRowOnce() throws Exception {
        String csv = mvc.perform(get("/api/v1/tenants/acme/carts/big/product-sync/export"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<String> skus = Arrays.stream(csv.split("\r\n"))
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertThat(ProductSyncExport.BATCH).isLessThan(12001 / 2);
        assertThat(skus).hasSize(12001).doesNotHaveDuplicates().isSorted();
        assertThat(skus.get(0)).isEqualTo("B-000001");
        assertThat(skus.get(12000)).isEqualTo("B-012001");
    }

    @Test
    void refusesABadFilterWithAProblemAndNoCsv() throws Exception {
        mvc.perform(get(EXPORT).param("reason", "BROKEN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("reason 'BROKEN' is not one of")));
        mvc.perform(get(EXPORT).param("never", "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("never must be true or false, was 'maybe'"));
        mvc.perform(get(EXPORT).param("skuPrefix", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("skuPrefix must not be empty: leave it out to list every SKU"));
    }

    @Test
    void answersNotFoundForAnUnknownCartWithAProblemAndNoCsv() throws Exception {
        mvc.perform(get("/api/v1/tenants/acme/carts/elsewhere/product-sync/export"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.detail")
                        .value("tenant 'acme' has no cart 'elsewhere': check the ids or connect " + "the cart first"));
    }

    private String export(String query) throws Exception {
        return mvc.perform(get(java.net.URI.create(EXPORT + query)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static SkuSyncEvaluated synced(String sku, String wmsSku, MatchedVia via) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                "acme",
                "shop",
                sku,
                true,
                SyncOutcome.VERIFIED,
                null,
                null,
                wmsSku,
                via,
                4L,
                4L,
                null,
                AT,
                AT);
    }

    private static SkuSyncEvaluated never(String sku, SyncReason reason, boolean tracked, long cartQuantity) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                "acme",
                "shop",
                sku,
                tracked,
                SyncOutcome.NOT_SYNCED,
                reason,
                null,
                null,
                null,
                cartQuantity,
                null,
                null,
                null,
                AT);
    }

    private static SkuSyncEvaluated failed(String sku, String detail, long cartQuantity, String wmsSku) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                "acme",
                "shop",
                sku,
                true,
                SyncOutcome.FAILED,
                SyncReason.CART_REJECTED,
                detail,
                wmsSku,
                MatchedVia.SKU,
                cartQuantity,
                5L,
                5L,
                null,
                AT);
    }
}
