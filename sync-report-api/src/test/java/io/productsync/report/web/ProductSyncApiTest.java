package io.productsync.report.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.productsync.events.Fixtures;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.TestDatabase;
import io.productsync.report.cart.KnownCarts;
import io.productsync.report.hold.SnapshotHolds;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncRows;
import java.net.URI;
import java.time.Instant;
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

/** The product-sync endpoints over MockMvc, reading a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSyncApiTest {

    private static final String CART = "/api/v1/tenants/acme/carts/shop/product-sync";
    private static final Instant NOW = Instant.parse("2026-11-27T09:15:30Z");

    private final DataSource dataSource = TestDatabase.migrated("web");
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ProductSyncController(
                    new ProductSyncQueries(TestDatabase.reads(dataSource)),
                    new SnapshotHolds(TestDatabase.reads(dataSource)),
                    new KnownScope(new KnownCarts(TestDatabase.reads(dataSource), TestDatabase.ingest(dataSource)))))
            .setControllerAdvice(new ProblemHandling())
            .build();

    @BeforeAll
    void cartWithRows() {
        SyncRows.write(
                dataSource,
                List.of(
                        verified("TEE/RED/M"),
                        verified("TEE/RED/L"),
                        verified("summary"),
                        verified("MUG"),
                        never("BDreams", SyncReason.NO_WMS_MATCH),
                        never("OLD", SyncReason.PRODUCT_DISABLED),
                        Fixtures.read("sku-sync-evaluated-duplicate-cart-sku.json", SkuSyncEvaluated.class)));
        new JdbcTemplate(dataSource).update("""
                INSERT INTO carts VALUES ('acme', 'empty-shop', 'main', true, true, interval '10 seconds', now())""");
    }

    @Test
    void listsRowsInSkuOrderWithExplicitNullForNeverSynced() throws Exception {
        mvc.perform(get(CART))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items.length()").value(6))
                .andExpect(jsonPath("$.items[0].sku").value("BDreams"))
                .andExpect(jsonPath("$.items[0].lastCartSyncDate").value(nullValue()))
                .andExpect(content()
                        .string(containsString(
                                "{\"sku\":\"BDreams\",\"inventoryEnabled\":true," + "\"lastCartSyncDate\":null,")))
                .andExpect(jsonPath("$.items[0].reason").value("NO_WMS_MATCH"))
                .andExpect(jsonPath("$.items[1].sku").value("MUG"))
                .andExpect(jsonPath("$.items[1].lastCartSyncDate").value("2026-11-27T09:15:30Z"))
                .andExpect(jsonPath("$.items[1].outcome").value("VERIFIED"))
                .andExpect(jsonPath("$.items[1].matchedVia").value("SKU"))
                .andExpect(jsonPath("$.items[1].cartQuantity").value(4))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    @Test
    void followsTheNextCursorToTheLastPage() throws Exception {
        String next = mvc.perform(get(CART).param("limit", "4"))
                .andExpect(jsonPath("$.items[3].sku").value("TEE/RED/L"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"next\":\"([^\"]+)\".*", "$1");

        mvc.perform(get(CART).param("limit", "4").param("after", next))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].sku").value("TEE/RED/M"))
                .andExpect(jsonPath("$.items[1].sku").value("summary"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    @Test
    void filtersByNeverReasonAndSkuPrefix() throws Exception {
        mvc.perform(get(CART).param("never", "true").param("reason", "PRODUCT_DISABLED"))
                .andExpect(jsonPath("$.items[*].sku", contains("OLD")));
        mvc.perform(get(CART).param("never", "false").param("skuPrefix", "TEE/"))
                .andExpect(jsonPath("$.items[*].sku", contains("TEE/RED/L", "TEE/RED/M")));
    }

    @Test
    void returnsOneSkuContainingSlashesWhetherOrNotTheyAreEncoded() throws Exception {
        mvc.perform(get(CART + "/items/TEE/RED/M"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value("TEE/RED/M"));
        mvc.perform(get(URI.create(CART + "/items/TEE%2FRED%2FL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value("TEE/RED/L"));
    }

    @Test
    void summaryNeverCollidesWithASkuNamedSummary() throws Exception {
        mvc.perform(get(CART + "/summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(6))
                .andExpect(jsonPath("$.synced").value(4))
                .andExpect(jsonPath("$.never").value(2))
                .andExpect(jsonPath("$.neverByReason.NO_WMS_MATCH").value(1))
                .andExpect(jsonPath("$.neverByReason.PRODUCT_DISABLED").value(1))
                .andExpect(jsonPath("$.neverByReason.SYNC_DISABLED").value(0))
                .andExpect(jsonPath("$.snapshotHolds").isEmpty());
        mvc.perform(get(CART + "/items/summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value("summary"));
    }

    @Test
    void servesADuplicateCartSkuWithItsReasonAndDetailAndCountsIt() throws Exception {
        String duplicates = "/api/v1/tenants/acme/carts/main-store/product-sync";

        mvc.perform(get(duplicates).param("never", "true").param("reason", "DUPLICATE_CART_SKU"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].sku", contains("MUG-BLUE")))
                .andExpect(jsonPath("$.items[0].outcome").value("NOT_SYNCED"))
                .andExpect(jsonPath("$.items[0].reason").value("DUPLICATE_CART_SKU"))
                .andExpect(jsonPath("$.items[0].detail").value("the cart lists this SKU 2 times"))
                .andExpect(jsonPath("$.items[0].lastCartSyncDate").value(nullValue()))
                .andExpect(jsonPath("$.items[0].cartQuantity").value(40));
        mvc.perform(get(duplicates + "/summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.never").value(1))
                .andExpect(jsonPath("$.neverByReason.DUPLICATE_CART_SKU").value(1))
                .andExpect(jsonPath("$.neverByReason.NO_WMS_MATCH").value(0));
    }

    @Test
    void aConnectedCartWithoutRowsListsAnEmptyPage() throws Exception {
        mvc.perform(get("/api/v1/tenants/acme/carts/empty-shop/product-sync"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void rejectsAnUnknownReasonListingTheValidOnes() throws Exception {
        mvc.perform(get(CART).param("reason", "BROKEN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("reason 'BROKEN' is not one of SYNC_DISABLED, INVENTORY_DISABLED, PRODUCT_DISABLED, "
                                + "NO_WMS_MATCH, CART_REJECTED, DUPLICATE_CART_SKU"));
    }

    @Test
    void rejectsALimitOutsideTheRangeSayingTheRange() throws Exception {
        for (String limit : List.of("0", "501", "ten")) {
            mvc.perform(get(CART).param("limit", limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("from 1 to 500")));
        }
    }

    @Test
    void rejectsBadNeverAndCursorValues() throws Exception {
        mvc.perform(get(CART).param("never", "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("never must be true or false, was 'maybe'"));
        mvc.perform(get(CART).param("after", "***"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("'next' value of a previous page")));
    }

    @Test
    void rejectsAMalformedIdSayingThePattern() throws Exception {
        mvc.perform(get("/api/v1/tenants/ACME/carts/shop/product-sync"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("tenantId 'ACME' must match [a-z0-9][a-z0-9_-]{0,63}"));
    }

    @Test
    void answersNotFoundForUnknownTenantCartOrSku() throws Exception {
        mvc.perform(get("/api/v1/tenants/nobody/carts/shop/product-sync"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("tenant 'nobody' is not known")));
        mvc.perform(get("/api/v1/tenants/acme/carts/elsewhere/product-sync/summary"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("tenant 'acme' has no cart 'elsewhere'")));
        mvc.perform(get(CART + "/items/TEE/RED/XL"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("no SKU 'TEE/RED/XL'")));
    }

    private static SkuSyncEvaluated verified(String sku) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                "acme",
                "shop",
                sku,
                true,
                SyncOutcome.VERIFIED,
                null,
                null,
                sku,
                MatchedVia.SKU,
                4L,
                4L,
                null,
                NOW,
                NOW);
    }

    private static SkuSyncEvaluated never(String sku, SyncReason reason) {
        return new SkuSyncEvaluated(
                UUID.randomUUID(),
                "acme",
                "shop",
                sku,
                true,
                SyncOutcome.NOT_SYNCED,
                reason,
                null,
                null,
                null,
                2L,
                null,
                null,
                null,
                NOW);
    }
}
