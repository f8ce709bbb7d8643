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
import io.productsync.poller.shopify.FakeWebhooks;
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

    private static final String HOURLY_CART = "hourly-store";

    private Infrastructure infrastructure;
    private ShopifyFake shopify;
    private ShopifyFake hourly;
    private FakeShop.Variant hourlyMatched;
    private FakeShop.Variant hourlyUnmatched;
    private int webhookPort;
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
        hourly = new ShopifyFake(Clock.systemUTC());
        hourlyMatched = hourly.shop().add("H-ONE", 1);
        hourlyUnmatched = hourly.shop().add("H-TWO", 2);
        extensiv.stock(FACILITY, "H-ONE", "1.0");
        webhookPort = TestPorts.free();

        CredentialKeys keys = CredentialKeys.inDataDir(workDir.resolve("data"));
        system = RunningSystem.start(
                infrastructure,
                workDir.resolve("no-sandbox"),
                workDir.resolve("state"),
                Duration.ofSeconds(1),
                Map.of(
                        "productsync.poller.port",
                        String.valueOf(webhookPort),
                        "productsync.poller.webhooks.public-url",
                        "http://127.0.0.1:" + webhookPort),
                keys.serviceProperties());
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        shopify.close();
        hourly.close();
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

    @Test
    void anHourlyCartTakesTwoWmsChangesInARowAndAShopifyChangeByWebhook() {
        try (TopicTap<SkuSyncEvaluated> results =
                new TopicTap<>(infrastructure.bootstrapServers(), Topics.SYNC_RESULTS)) {
            connectWms();
            connectShopify(
                    HOURLY_CART,
                    hourly,
                    "PT1H",
                    Map.of("accessToken", ShopifyFake.TOKEN, "apiSecretKey", FakeWebhooks.API_SECRET_KEY));
            String callback = "http://127.0.0.1:" + webhookPort + "/webhooks/shopify/" + TENANT + "/" + HOURLY_CART;
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertSynced(system.row(TENANT, HOURLY_CART, "H-ONE"));
                assertNever(system.row(TENANT, HOURLY_CART, "H-TWO"), "NO_WMS_MATCH");
                assertThat(hourly.webhooks().subscribed("INVENTORY_LEVELS_UPDATE"))
                        .containsExactly(callback);
            });

            // Two receipts in the warehouse, the second as soon as the first has reached the cart: both within the
            // hour before the cart's next read, so the second push starts from what the first one left.
            extensiv.stock(CUSTOMER, FACILITY, "H-ONE", "LOT-2", "5.0");
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() ->
                            assertThat(hourly.shop().available(hourlyMatched)).isEqualTo(6L));
            extensiv.stock(CUSTOMER, FACILITY, "H-ONE", "LOT-3", "2.0");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(hourly.shop().available(hourlyMatched)).isEqualTo(8L);
                JsonNode row = system.row(TENANT, HOURLY_CART, "H-ONE");
                assertSynced(row);
                assertThat(row.path("cartQuantity").asLong()).isEqualTo(8);
            });
            assertThat(results.valuesFor(hourlyKey("H-ONE")))
                    .as("both pushes applied")
                    .filteredOn(result -> result != null && result.outcome() == SyncOutcome.UPDATED)
                    .extracting(SkuSyncEvaluated::pushedQuantity)
                    .contains(6L, 8L);
            assertThat(results.valuesFor(hourlyKey("H-ONE")))
                    .noneMatch(result -> result != null && result.outcome() == SyncOutcome.FAILED);

            // Sold in the store: the webhook brings it to the table, an hour before the next read.
            hourly.shop().setAvailable(hourlyUnmatched, 7);
            assertThat(hourly.webhooks().inventoryLevelUpdate(hourlyUnmatched, FakeShop.LOCATION, 7L))
                    .extracting(FakeWebhooks.Delivery::status)
                    .containsExactly(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode row = system.row(TENANT, HOURLY_CART, "H-TWO");
                assertNever(row, "NO_WMS_MATCH");
                assertThat(row.path("cartQuantity").asLong()).isEqualTo(7);
            });
        }
    }

    private void connectWms() {
        var wms = system.put(
                "/tenants/" + TENANT + "/wms/" + WMS,
                Map.of(
                        "platform",
                        "extensiv",
                        "settings",
                        Map.of(
                                "baseUrl", extensiv.baseUrl().toString(),
                                "customerId", String.valueOf(CUSTOMER),
                                "facilityIds", String.valueOf(FACILITY)),
                        "credentials",
                        Map.of(
                                "clientId", EXTENSIV.clientId(),
                                "clientSecret", EXTENSIV.clientSecret(),
                                "userLogin", EXTENSIV.userLogin()),
                        // Extensiv sends no webhooks: polled every second, whatever its carts' intervals.
                        "pollInterval",
                        "PT1S"));
        assertThat(wms.statusCode()).as(wms.body()).isIn(200, 201);
        // The API checks a cart's WMS against its read model, which shows the new WMS a moment later.
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(system.get("/tenants/" + TENANT + "/wms/" + WMS)
                                .path("credentialsSet")
                                .asBoolean())
                        .isTrue());
    }

    private void connect() {
        connectWms();
        // The fake's cost budget restores 100 points a second; a full read costs about 750.
        connectShopify(CART, shopify, "PT5S", Map.of("accessToken", ShopifyFake.TOKEN));
    }

    private void connectShopify(
            String cartId, ShopifyFake store, String pollInterval, Map<String, String> credentials) {
        var cart = system.put(
                "/tenants/" + TENANT + "/carts/" + cartId,
                Map.of(
                        "platform",
                        "shopify",
                        "wmsId",
                        WMS,
                        "pollInterval",
                        pollInterval,
                        "settings",
                        Map.of(
                                "shopDomain",
                                cartId + ".myshopify.com",
                                "locationId",
                                FakeShop.LOCATION,
                                "baseUrl",
                                store.baseUrl().toString()),
                        "credentials",
                        credentials));
        assertThat(cart.statusCode()).as(cart.body()).isEqualTo(201);
    }

    private static String hourlyKey(String sku) {
        return TENANT + "/" + HOURLY_CART + "/" + sku;
    }

    private static String key(String sku) {
        return TENANT + "/" + CART + "/" + sku;
    }
}
