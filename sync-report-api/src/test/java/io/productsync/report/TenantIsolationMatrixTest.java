package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.report.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Tenants alpha and beta share a cart id, SKUs and an alias. Alpha's keys try every endpoint and page of beta (by
 * guessed ids and cursors, the export, the live stream, every change): each answers exactly what a tenant that does
 * not exist answers, a 404 with none of beta's data, and beta is left as it was. Alpha's viewer tries every admin
 * action of alpha: 403, nothing changed.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTest {

    private static final String BETA_ONLY_SKU = "BETA-SECRET-7";
    private static final String USERS_CLIENT_ID = "product-sync";
    private static final String BETA_ONLY_WMS_SKU = "BETA-WMS-SECRET";
    private static final String CART_BODY = """
            {"platform":"sandbox","wmsId":"main","pollInterval":"PT10S"}""";
    private static final String WMS_BODY = """
            {"platform":"sandbox","pollInterval":"PT10S"}""";

    /** A request on a tenant's data: {@code %s} is the tenant; {@code site} for pages, else under the API. */
    private record Call(String method, String path, String contentType, String body, boolean site) {

        static Call api(String method, String path) {
            return new Call(method, path, "application/json", null, false);
        }

        static Call api(String method, String path, String contentType, String body) {
            return new Call(method, path, contentType, body, false);
        }

        static Call page(String method, String path) {
            return new Call(method, path, "text/html", null, true);
        }

        Response by(ApiClient client, String tenant) {
            String on = path.formatted(tenant);
            return site
                    ? client.site(method, on)
                    : client.send(method, on, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private ApiClient operator;
    private ApiClient alphaAdmin;
    private ApiClient alphaViewer;
    private ApiClient alphaAdminUser;
    private ApiClient alphaViewerUser;
    private FakeOidcIssuer issuer;
    private String betaKeyId;

    @BeforeAll
    void startServiceWithTwoTenants(EmbeddedKafkaBroker broker) {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("isolation");
        issuer = FakeOidcIssuer.start();
        app = RunningService.start(
                brokers,
                url,
                "--productsync.kafka.partitions=1",
                "--productsync.security.oidc.issuer-uri=" + issuer.issuer(),
                "--productsync.security.oidc.client-id=" + USERS_CLIENT_ID);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        for (String tenant : List.of("alpha", "beta")) {
            String only = tenant.equals("beta") ? BETA_ONLY_SKU : "ALPHA-1";
            String wmsSku = tenant.equals("beta") ? BETA_ONLY_WMS_SKU : "ALPHA-WMS";
            TestDatabase.connectShops(jdbc, tenant);
            jdbc.update("""
                    INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, reason,
                        cart_quantity, evaluated_at, event_id)
                    VALUES (?, 'shop', 'SHARED-1', true, 'NOT_SYNCED', 'NO_WMS_MATCH', 1, now(), gen_random_uuid()),
                           (?, 'shop', ?, true, 'NOT_SYNCED', 'NO_WMS_MATCH', 1, now(), gen_random_uuid())
                    """, tenant, tenant, only);
            jdbc.update(
                    "INSERT INTO aliases (tenant_id, alias, wms_sku, kind, changed_at) VALUES (?, 'SHARED-ALIAS', ?,"
                            + " 'SKU', now())",
                    tenant,
                    wmsSku);
        }
        operator = new ApiClient(port);
        alphaAdmin = operator.withKey(newKey("alpha", "admin"));
        alphaViewer = operator.withKey(newKey("alpha", "viewer"));
        // A's users: people of the OpenID Connect issuer whose grants claim names alpha (their bearer token).
        alphaAdminUser = operator.withKey(user("alpha:admin"));
        alphaViewerUser = operator.withKey(user("alpha:viewer"));
        newKey("beta", "admin");
        betaKeyId = operator.get("beta/api-keys")
                .body()
                .get("items")
                .get(0)
                .get("keyId")
                .asString();
    }

    @AfterAll
    void stopService() {
        app.close();
        issuer.close();
    }

    @Test
    void alphasKeysFindNothingOfBetaAnywhereAndChangeNothing() {
        String betaCursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString(BETA_ONLY_SKU.getBytes(StandardCharsets.UTF_8));
        List<Call> everyPathOfATenant = List.of(
                Call.api("GET", "%s/carts/shop/product-sync"),
                Call.api("GET", "%s/carts/shop/product-sync?limit=500&after=" + betaCursor),
                Call.api("GET", "%s/carts/shop/product-sync/summary"),
                Call.api("GET", "%s/carts/shop/product-sync/items/" + BETA_ONLY_SKU),
                Call.api("GET", "%s/carts/shop/product-sync/export"),
                Call.api("GET", "%s/aliases"),
                Call.api("GET", "%s/aliases?wmsSkuPrefix=BETA"),
                Call.api("GET", "%s/aliases/suggestions?sku=SHARED-1"),
                Call.api("GET", "%s/snapshot-holds"),
                Call.api("GET", "%s/carts"),
                Call.api("GET", "%s/carts/shop"),
                Call.api("GET", "%s/wms"),
                Call.api("GET", "%s/wms/main"),
                Call.api("GET", "%s/api-keys"),
                Call.api("PUT", "%s/aliases/NEW", "application/json", "{\"wmsSku\":\"X\",\"kind\":\"SKU\"}"),
                Call.api("DELETE", "%s/aliases/SHARED-ALIAS"),
                Call.api("POST", "%s/aliases/import", "text/csv", "alias,wms_sku,kind\nA,B,SKU\n"),
                Call.api("PUT", "%s/carts/shop", "application/json", CART_BODY),
                Call.api("DELETE", "%s/carts/shop"),
                Call.api("PUT", "%s/wms/main", "application/json", WMS_BODY),
                Call.api("DELETE", "%s/wms/main"),
                Call.api("POST", "%s/snapshot-holds/cart/shop/confirm"),
                Call.api("POST", "%s/api-keys", "application/json", "{\"name\":\"x\",\"role\":\"admin\"}"),
                Call.api("DELETE", "%s/api-keys/" + betaKeyId),
                Call.page("GET", "/tenants/%s"),
                Call.page("GET", "/tenants/%s/aliases"),
                Call.page("GET", "/tenants/%s/carts/shop/product-sync"),
                Call.page("GET", "/tenants/%s/carts/shop/product-sync?after=" + betaCursor),
                Call.page("GET", "/tenants/%s/carts/shop/product-sync/live"),
                Call.page("GET", "/tenants/%s/aliases/import/" + UUID.randomUUID()),
                Call.page("POST", "/tenants/%s/aliases"),
                Call.page("POST", "/tenants/%s/aliases/delete"),
                Call.page("POST", "/tenants/%s/api-keys"),
                Call.page("POST", "/tenants/%s/api-keys/" + betaKeyId + "/revoke"));

        for (ApiClient alpha : List.of(alphaAdmin, alphaViewer, alphaAdminUser, alphaViewerUser)) {
            for (Call call : everyPathOfATenant) {
                Response beta = call.by(alpha, "beta");
                Response nobody = call.by(alpha, "nobody");
                assertThat(beta.status()).as(call.toString()).isEqualTo(404);
                assertThat(beta.text().replace("beta", "nobody"))
                        .as("%s answers beta as a tenant that does not exist", call)
                        .isEqualTo(nobody.text());
                // the only SKU in an answer is the one the caller guessed, echoed in the problem's instance path
                assertThat(beta.text().replace("items/" + BETA_ONLY_SKU, "items/"))
                        .as(call.toString())
                        .doesNotContain(BETA_ONLY_SKU, BETA_ONLY_WMS_SKU);
            }
        }

        assertThat(jdbc.queryForObject(
                        "SELECT wms_sku FROM aliases WHERE tenant_id = 'beta' AND alias = 'SHARED-ALIAS'",
                        String.class))
                .isEqualTo(BETA_ONLY_WMS_SKU);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM carts WHERE tenant_id = 'beta'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_keys WHERE tenant_id = 'beta' AND revoked_at IS NULL", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void alphasKeysSeeAlphaOnlyAndItsOwnRowsWhateverTheCursor() {
        Response rows = alphaViewer.get("alpha/carts/shop/product-sync?limit=500&after="
                + Base64.getUrlEncoder().withoutPadding().encodeToString("A".getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.text()).contains("ALPHA-1", "SHARED-1").doesNotContain(BETA_ONLY_SKU);
        Response export = alphaViewer.get("alpha/carts/shop/product-sync/export");
        assertThat(export.text()).contains("ALPHA-1").doesNotContain(BETA_ONLY_SKU);
        Response home = alphaViewer.site("GET", "/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.headers()).containsIgnoringCase("location=[http://localhost:");
        assertThat(home.headers()).contains("/tenants/alpha]");
        Response page = alphaViewer.site("GET", "/tenants/alpha");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-cart=\"shop\"").doesNotContain("id=\"api-keys\"");
        assertThat(alphaAdmin.site("GET", "/tenants/alpha").text()).contains("id=\"api-keys\"");

        Response usersRows = alphaViewerUser.get("alpha/carts/shop/product-sync");
        assertThat(usersRows.status()).isEqualTo(200);
        assertThat(usersRows.text()).contains("ALPHA-1").doesNotContain(BETA_ONLY_SKU);
    }

    @Test
    void aViewerIsRefusedEveryAdminActionWith403AndNothingChanges() {
        String alphaKeyId = operator.get("alpha/api-keys")
                .body()
                .get("items")
                .get(0)
                .get("keyId")
                .asString();
        List<Call> adminActions = List.of(
                Call.api("PUT", "%s/aliases/NEW", "application/json", "{\"wmsSku\":\"X\",\"kind\":\"SKU\"}"),
                Call.api("DELETE", "%s/aliases/SHARED-ALIAS"),
                Call.api("POST", "%s/aliases/import?dryRun=true", "text/csv", "alias,wms_sku,kind\nA,B,SKU\n"),
                Call.api("GET", "%s/carts"),
                Call.api("GET", "%s/carts/shop"),
                Call.api("PUT", "%s/carts/shop", "application/json", CART_BODY),
                Call.api("DELETE", "%s/carts/shop"),
                Call.api("GET", "%s/wms"),
                Call.api("PUT", "%s/wms/main", "application/json", WMS_BODY),
                Call.api("DELETE", "%s/wms/main"),
                Call.api("POST", "%s/snapshot-holds/cart/shop/confirm"),
                Call.api("GET", "%s/api-keys"),
                Call.api("POST", "%s/api-keys", "application/json", "{\"name\":\"x\",\"role\":\"admin\"}"),
                Call.api("DELETE", "%s/api-keys/" + alphaKeyId),
                Call.page("POST", "/tenants/%s/aliases"),
                Call.page("POST", "/tenants/%s/aliases/delete"),
                Call.page("POST", "/tenants/%s/api-keys"),
                Call.page("POST", "/tenants/%s/api-keys/" + alphaKeyId + "/revoke"));

        for (ApiClient viewer : List.of(alphaViewer, alphaViewerUser)) {
            for (Call call : adminActions) {
                Response refused = call.by(viewer, "alpha");
                assertThat(refused.status()).as(call.toString()).isEqualTo(403);
                assertThat(refused.text()).as(call.toString()).contains("admin role; you have its viewer role");
            }
        }

        assertThat(alphaViewer.get("alpha/carts/shop/product-sync").status()).isEqualTo(200);
        assertThat(alphaViewer.get("alpha/aliases").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM aliases WHERE tenant_id = 'alpha'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_keys WHERE tenant_id = 'alpha' AND revoked_at IS NULL",
                        Integer.class))
                .isEqualTo(2);
    }

    /** A token of the issuer for this service, valid long enough for the whole class, with these grants. */
    private String user(String... grants) {
        return issuer.sign(issuer.claims(USERS_CLIENT_ID, Instant.now().plus(Duration.ofMinutes(30)), grants));
    }

    private String newKey(String tenant, String role) {
        Response created = operator.send(
                "POST", tenant + "/api-keys", "{\"name\":\"" + tenant + "-" + role + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("key").asString();
    }
}
