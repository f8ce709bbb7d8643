package io.productsync.deploy;

import static io.productsync.deploy.DemoEndToEndTest.assertNever;
import static io.productsync.deploy.DemoEndToEndTest.assertSynced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import io.productsync.poller.extensiv.ExtensivCredentials;
import io.productsync.poller.extensiv.ExtensivFake;
import io.productsync.poller.shopify.FakeShop;
import io.productsync.poller.shopify.ShopifyFake;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A Shopify store fed by Extensiv 3PL Warehouse Manager, both connected through the connection API with their
 * credentials (sealed by the report, opened by the poller with the key pair the launcher creates), against the fakes of
 * both vendors: the table, a push to Shopify, a WMS change reaching Shopify, and a disconnection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopifyExtensivEndToEndTest {

    private static final String TENANT = "acme";
    private static final String CART = "main-store";
    private static final String WMS = "east";
    private static final long CUSTOMER = 1042;
    private static final long FACILITY = 3;
    private static final ExtensivCredentials EXTENSIV =
            new ExtensivCredentials("client-e2e", "xt-secret-e2e-7c41", "ops@acme", null);

    private Infrastructure infrastructure;
    private ShopifyFake shopify;
    private ExtensivFake extensiv;
    private RunningSystem system;
    private FakeShop.Variant same;
    private FakeShop.Variant differs;

    @BeforeAll
    void startSystem(@TempDir Path workDir) throws IOException {
        infrastructure = Infrastructure.shared();
        shopify = new ShopifyFake(Clock.systemUTC());
        extensiv = new ExtensivFake(EXTENSIV, CUSTOMER, Clock.systemUTC());
        same = shopify.shop().add("SAME", 10);
        differs = shopify.shop().add("DIFFERS", 4);
        shopify.shop().add("NOT-IN-WMS", 3);
        shopify.shop().add("UNTRACKED", "ACTIVE", false, 0L);
        extensiv.stock(FACILITY, "SAME", "10.0");
        extensiv.stock(FACILITY, "DIFFERS", "9.0");
        extensiv.stock(FACILITY, "UNTRACKED", "5.0");

        CredentialKeys keys = CredentialKeys.inDataDir(workDir.resolve("data"));
        system = RunningSystem.start(
                infrastructure,
                workDir.resolve("no-sandbox"),
                workDir.resolve("state"),
                Duration.ofSeconds(1),
                Map.of(),
                keys.serviceProperties());
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        shopify.close();
        extensiv.close();
    }

    @Test
    void syncsAShopifyStoreFromExtensivConnectedThroughTheApi() {
        try (TopicTap<SkuSyncEvaluated> results =
                new TopicTap<>(infrastructure.bootstrapServers(), Topics.SYNC_RESULTS)) {
            connect();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode sameRow = system.row(TENANT, CART, "SAME");
                assertSynced(sameRow);
                assertThat(sameRow.path("outcome").asString()).isEqualTo("VERIFIED");
                assertThat(results.valuesFor(key("DIFFERS")))
                        .as("an UPDATED result pushing 9")
                        .anyMatch(result -> result != null
                                && result.outcome() == SyncOutcome.UPDATED
                                && Long.valueOf(9).equals(result.pushedQuantity()));
                assertThat(shopify.shop().available(differs)).isEqualTo(9L);
                assertSynced(system.row(TENANT, CART, "DIFFERS"));
                assertNever(system.row(TENANT, CART, "NOT-IN-WMS"), "NO_WMS_MATCH");
                assertNever(system.row(TENANT, CART, "UNTRACKED"), "INVENTORY_DISABLED");
            });

            // A second lot of 5 is received in the warehouse.
            extensiv.stock(CUSTOMER, FACILITY, "SAME", "LOT-2", "5.0");

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(shopify.shop().available(same)).isEqualTo(15L);
                JsonNode row = system.row(TENANT, CART, "SAME");
                assertSynced(row);
                assertThat(row.path("wmsQuantity").asLong()).isEqualTo(15);
                assertThat(row.path("cartQuantity").asLong()).isEqualTo(15);
            });
        }

        assertThat(system.delete("/tenants/" + TENANT + "/carts/" + CART).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode rows = system.rows(TENANT, CART);
            assertThat(rows == null || rows.isEmpty())
                    .as("rows of the disconnected cart: %s", rows)
                    .isTrue();
        });
    }

    private void connect() {
        var wms = system.put(
                "/tenants/" + TENANT + "/wms/" + WMS,
                Map.of(
                        "platform", "extensiv",
                        "settings",
                                Map.of(
                                        "baseUrl", extensiv.baseUrl().toString(),
                                        "customerId", String.valueOf(CUSTOMER),
                                        "facilityIds", String.valueOf(FACILITY)),
                        "credentials",
                                Map.of(
                                        "clientId", EXTENSIV.clientId(),
                                        "clientSecret", EXTENSIV.clientSecret(),
                                        "userLogin", EXTENSIV.userLogin())));
        assertThat(wms.statusCode()).as(wms.body()).isEqualTo(201);
        // The API checks a cart's WMS against its read model, which shows the new WMS a moment later.
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(system.get("/tenants/" + TENANT + "/wms/" + WMS)
                                .path("credentialsSet")
                                .asBoolean())
                        .isTrue());
        var cart = system.put(
                "/tenants/" + TENANT + "/carts/" + CART,
                Map.of(
                        "platform",
                        "shopify",
                        "wmsId",
                        WMS,
                        // The fake's cost budget restores 100 points a second; a full read costs about 750.
                        "pollInterval",
                        "PT5S",
                        "settings",
                        Map.of(
                                "shopDomain",
                                "acme-goods.myshopify.com",
                                "locationId",
                                FakeShop.LOCATION,
                                "baseUrl",
                                shopify.baseUrl().toString()),
                        "credentials",
                        Map.of("accessToken", ShopifyFake.TOKEN)));
        assertThat(cart.statusCode()).as(cart.body()).isEqualTo(201);
    }

    private static String key(String sku) {
        return TENANT + "/" + CART + "/" + sku;
    }
}
