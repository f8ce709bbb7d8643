package io.productsync.poller.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.CartPlatform;
import io.productsync.events.Topics;
import io.productsync.events.WmsConnectionConfigured;
import io.productsync.events.WmsKey;
import io.productsync.events.WmsPlatform;
import io.productsync.poller.PollerKafkaTest;
import io.productsync.poller.TopicRecords;
import io.productsync.poller.connector.Connection;
import io.productsync.poller.connector.WmsRef;
import io.productsync.poller.extensiv.ExtensivCredentials;
import io.productsync.poller.extensiv.ExtensivFake;
import io.productsync.poller.shopify.FakeShop;
import io.productsync.poller.shopify.FakeWebhooks;
import io.productsync.poller.shopify.ShopifyFake;
import io.productsync.poller.system.TopicSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connections as sync-report-api's connection API writes them (sealed with the public half of this poller's key pair)
 * on the embedded broker, against the Shopify and Extensiv fakes: polled, never published again, skipped when their
 * credentials do not open. A context of its own (it holds a private keyset); the broker is its own too.
 */
@PollerKafkaTest
@ExtendWith(OutputCaptureExtension.class)
class ApiConnectionsTest {

    private static final TestKeyPair KEYS = TestKeyPair.generate();
    private static final long CUSTOMER = 1042;
    private static final long FACILITY = 3;
    private static final String CLIENT_SECRET = "xt-secret-5b1f0c9e-known";
    private static final ExtensivCredentials EXTENSIV = new ExtensivCredentials("client-7", CLIENT_SECRET, "ops", null);

    /** Known before the context starts, so that the public URL webhooks are subscribed to can name it. */
    private static final int WEBHOOK_PORT = freePort();

    @DynamicPropertySource
    static void privateKeysetAndPublicUrl(DynamicPropertyRegistry registry) {
        registry.add("productsync.credentials.private-keyset", KEYS::privateKeysetJson);
        registry.add("server.port", () -> WEBHOOK_PORT);
        registry.add("productsync.poller.webhooks.public-url", () -> "http://127.0.0.1:" + WEBHOOK_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    TopicSender sender;

    @Autowired
    ApiConnectorProvider provider;

    private final String tenant = "api-" + UUID.randomUUID().toString().substring(0, 8);
    private ShopifyFake shopify;
    private ExtensivFake extensiv;

    @BeforeEach
    void startFakes() throws Exception {
        declareWmsConnections();
        shopify = new ShopifyFake(Clock.systemUTC());
        extensiv = new ExtensivFake(EXTENSIV, CUSTOMER, Clock.systemUTC());
    }

    /** Disconnects the test's connections, so the poller stops polling fakes that are gone. */
    @AfterEach
    void stopFakes() {
        provider.discover().stream()
                .filter(connection -> connection.tenantId().equals(tenant))
                .forEach(connection -> sender.send(
                                Topics.CART_CONNECTIONS, connection.cart().value(), null, Instant.now())
                        .join());
        shopify.close();
        extensiv.close();
    }

    @Test
    void pollsAShopifyCartFedByExtensivAndNeverPublishesItsConnectionAgain() {
        shopify.shop().add("SKU-A", 5);
        extensiv.stock(FACILITY, "SKU-A", "7.0");
        publishWms("east", sealedExtensiv("east", EXTENSIV));
        CartConnectionConfigured cart = publishCart("shop", "east", shopifySettings(), sealedShopify("shop"));

        try (var cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
                var wmsInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.WMS_INVENTORY);
                var connections = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_CONNECTIONS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(cartInventory.withKeyPrefix(tenant + "/shop/SKU-A"))
                        .extracting(record -> cartInventory.value(record).quantity())
                        .contains(5L);
                assertThat(wmsInventory.withKeyPrefix(tenant + "/east/SKU-A"))
                        .extracting(record -> wmsInventory.value(record).available())
                        .contains(7L);
            });

            List<ConsumerRecord<String, byte[]>> published = connections.toEndWithKeyPrefix(tenant + "/shop");
            assertThat(published).as("only the API's record").hasSize(1);
            assertThat(connections.value(published.get(0))).isEqualTo(cart);
        }
        assertThat(provider.discover())
                .contains(new Connection(tenant, "shop", "east", true, true, Duration.ofSeconds(1), true));
    }

    @Test
    void keepsAConnectorWhileItsConnectionIsUnchangedAndLeavesSandboxCartsToTheSandbox() {
        publishWms("east", sealedExtensiv("east", EXTENSIV));
        CartConnectionConfigured cart = publishCart("shop", "east", shopifySettings(), sealedShopify("shop"));
        CartKey key = cart.key();
        publishSandboxCart("folder-cart");
        WmsRef east = new WmsRef(tenant, "east");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        provider.cart(key).isPresent() && provider.wms(east).isPresent());
        var connector = provider.cart(key).orElseThrow();
        var wms = provider.wms(east).orElseThrow();

        // Only the interval changes: same connector. The settings change: a new one.
        publishCart(cart.cartId(), "east", shopifySettings(), cart.sealedCredentials(), Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> provider.discover().stream()
                        .anyMatch(c -> c.cart().equals(key) && c.pollInterval().equals(Duration.ofMinutes(5))));
        assertThat(provider.cart(key)).containsSame(connector);
        assertThat(provider.wms(east)).containsSame(wms);
        Map<String, String> otherVersion = new HashMap<>(shopifySettings());
        otherVersion.put("apiVersion", "2026-01");
        publishCart(cart.cartId(), "east", otherVersion, cart.sealedCredentials(), Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(provider.cart(key).orElseThrow()).isNotSameAs(connector));

        assertThat(provider.discover())
                .noneMatch(c -> c.cartId().equals("folder-cart") && c.tenantId().equals(tenant));
        assertThat(provider.cart(new CartKey(tenant, "folder-cart"))).isEmpty();

        sender.send(Topics.CART_CONNECTIONS, key.value(), null, Instant.now()).join();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        provider.discover().stream().noneMatch(c -> c.cart().equals(key)));
        assertThat(provider.cart(key)).isEmpty();
    }

    @Test
    void aWmsWithAnIntervalOfItsOwnIsPolledAtItWhileItsCartIsReadHourly() {
        shopify.shop().add("SKU-A", 5);
        extensiv.stock(FACILITY, "SKU-A", "7.0");
        publishWms("east", sealedExtensiv("east", EXTENSIV), Duration.ofSeconds(1));
        publishCart("shop", "east", shopifySettings(), sealedShopify("shop"), Duration.ofHours(1));

        try (var wmsInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.WMS_INVENTORY);
                var cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(available(wmsInventory)).contains(7L);
                assertThat(quantities(cartInventory, "SKU-A")).containsExactly(5L);
            });
            extensiv.stock(CUSTOMER, FACILITY, "SKU-A", "LOT-2", "1.0"); // a second lot received
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(available(wmsInventory)).contains(8L));
            assertThat(quantities(cartInventory, "SKU-A"))
                    .as("the cart is read once an hour")
                    .containsExactly(5L);
        }
    }

    private List<Long> available(TopicRecords<io.productsync.events.WmsInventoryObserved> records) {
        return records.withKeyPrefix(tenant + "/east/SKU-A").stream()
                .map(record -> records.value(record).available())
                .toList();
    }

    @Test
    void aChangeMadeInShopifyArrivesByWebhookWithinAnHourLongPoll(CapturedOutput output) {
        FakeShop.Variant mug = shopify.shop().add("MUG", 5);
        FakeShop.Variant tee = shopify.shop().add("TEE", 2);
        publishWms("east", sealedExtensiv("east", EXTENSIV));
        String sealed = KEYS.seal(
                Map.of("accessToken", ShopifyFake.TOKEN, "apiSecretKey", FakeWebhooks.API_SECRET_KEY),
                new CartKey(tenant, "shop").credentialsContext());
        publishCart("shop", "east", shopifySettings(), sealed, Duration.ofHours(1));
        String callback = "http://127.0.0.1:" + WEBHOOK_PORT + "/webhooks/shopify/" + tenant + "/shop";

        try (var cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(quantities(cartInventory, "MUG")).contains(5L);
                assertThat(shopify.webhooks().subscribed("INVENTORY_LEVELS_UPDATE"))
                        .contains(callback);
                assertThat(shopify.webhooks().subscribed("PRODUCTS_UPDATE")).contains(callback);
            });

            // Changed in the admin: the webhook brings it, the next poll is an hour away.
            shopify.shop().setAvailable(mug, 9);
            List<FakeWebhooks.Delivery> sent = shopify.webhooks().inventoryLevelUpdate(mug, FakeShop.LOCATION, 9L);
            assertThat(sent).extracting(FakeWebhooks.Delivery::status).containsExactly(200);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(quantities(cartInventory, "MUG")).contains(9L));
            assertThat(shopify.shop().itemReads()).isEqualTo(1);

            // A repeat of that delivery and a forged one are answered but read nothing; then a product update is read.
            FakeWebhooks.Delivery first = sent.get(0);
            assertThat(shopify.webhooks().redeliver(first, callback).status()).isEqualTo(200);
            String forgedBody = first.body().replace("\"available\":9", "\"available\":0");
            assertThat(shopify.webhooks()
                            .send(callback, first.topic(), forgedBody, "forged-1", FakeWebhooks.sign(first.body()))
                            .status())
                    .isEqualTo(401);
            assertThat(shopify.webhooks()
                            .send(callback, first.topic(), forgedBody, "forged-2", null)
                            .status())
                    .isEqualTo(401);
            FakeShop.Variant drafted = shopify.shop().setProductStatus(tee, "DRAFT");
            assertThat(shopify.webhooks().productUpdate("draft", drafted))
                    .extracting(FakeWebhooks.Delivery::status)
                    .containsExactly(200);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(cartInventory.withKeyPrefix(tenant + "/shop/TEE"))
                            .extracting(record -> cartInventory.value(record).productActive())
                            .contains(false));
            assertThat(shopify.shop().itemReads())
                    .as("the repeat and the forgeries read nothing")
                    .isEqualTo(2);
            assertThat(quantities(cartInventory, "MUG")).doesNotContain(0L);
        }
        assertThat(shopify.webhooks()
                        .send(
                                "http://127.0.0.1:" + WEBHOOK_PORT + "/webhooks/shopify/" + tenant + "/no-such-cart",
                                "INVENTORY_LEVELS_UPDATE",
                                "{}",
                                "x-1",
                                FakeWebhooks.sign("{}"))
                        .status())
                .isEqualTo(404);
        assertThat(output.getAll())
                .contains("webhook inventory_levels/update refused: X-Shopify-Hmac-Sha256 does not match")
                .doesNotContain(FakeWebhooks.API_SECRET_KEY)
                .doesNotContain(ShopifyFake.TOKEN);
    }

    private List<Long> quantities(TopicRecords<io.productsync.events.CartInventoryObserved> records, String sku) {
        return records.withKeyPrefix(tenant + "/shop/" + sku).stream()
                .map(record -> records.value(record).quantity())
                .toList();
    }

    @Test
    void skipsConnectionsWhoseCredentialsDoNotOpenAndLogsNoSecret(CapturedOutput output) {
        extensiv.stock(FACILITY, "SKU-A", "7.0");
        shopify.shop().add("SKU-A", 5);
        // Sealed for another WMS: the context does not match.
        publishWms("east", sealedExtensiv("west", EXTENSIV));
        publishWms("good", sealedExtensiv("good", EXTENSIV));
        // Sealed with another key pair.
        String otherKey = TestKeyPair.generate()
                .seal(Map.of("accessToken", ShopifyFake.TOKEN), new CartKey(tenant, "stolen").credentialsContext());
        publishCart("stolen", "good", shopifySettings(), otherKey);
        publishCart("shop", "east", shopifySettings(), sealedShopify("shop"));

        try (var cartInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.CART_INVENTORY);
                var wmsInventory = new TopicRecords<>(broker.getBrokersAsString(), Topics.WMS_INVENTORY)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(cartInventory.withKeyPrefix(tenant + "/shop/")).isNotEmpty();
                assertThat(wmsInventory.withKeyPrefix(tenant + "/good/")).isNotEmpty();
                assertThat(output.getOut())
                        .contains("cart " + tenant + "/stolen: its shopify credentials cannot be used: they do not "
                                + "open with this poller's private keyset")
                        .contains("wms " + tenant + "/east: its extensiv credentials cannot be used");
            });
            assertThat(cartInventory.toEndWithKeyPrefix(tenant + "/stolen/")).isEmpty();
            assertThat(wmsInventory.toEndWithKeyPrefix(tenant + "/east/")).isEmpty();
        }
        assertThat(provider.discover()).anyMatch(c -> c.cart().equals(new CartKey(tenant, "stolen")));
        assertThat(output.getAll()).doesNotContain(CLIENT_SECRET).doesNotContain(ShopifyFake.TOKEN);
    }

    private Map<String, String> shopifySettings() {
        return Map.of(
                "shopDomain",
                "fake-shop.myshopify.com",
                "locationId",
                FakeShop.LOCATION,
                "baseUrl",
                shopify.baseUrl().toString());
    }

    private String sealedShopify(String cartId) {
        return KEYS.seal(Map.of("accessToken", ShopifyFake.TOKEN), new CartKey(tenant, cartId).credentialsContext());
    }

    private String sealedExtensiv(String wmsId, ExtensivCredentials credentials) {
        return KEYS.seal(
                Map.of(
                        "clientId", credentials.clientId(),
                        "clientSecret", credentials.clientSecret(),
                        "userLogin", credentials.userLogin()),
                new WmsKey(tenant, wmsId).credentialsContext());
    }

    private void publishWms(String wmsId, String sealed) {
        publishWms(wmsId, sealed, null);
    }

    private void publishWms(String wmsId, String sealed, Duration pollInterval) {
        Instant now = Instant.now();
        Map<String, String> settings = Map.of(
                "baseUrl", extensiv.baseUrl().toString(),
                "customerId", String.valueOf(CUSTOMER),
                "facilityIds", String.valueOf(FACILITY));
        WmsConnectionConfigured wms = new WmsConnectionConfigured(
                tenant, wmsId, WmsPlatform.EXTENSIV, settings, sealed, now, now, pollInterval);
        sender.send(Topics.WMS_CONNECTIONS, wms.key().value(), wms, now).join();
    }

    private CartConnectionConfigured publishCart(
            String cartId, String wmsId, Map<String, String> settings, String sealed) {
        return publishCart(cartId, wmsId, settings, sealed, Duration.ofSeconds(1));
    }

    private CartConnectionConfigured publishCart(
            String cartId, String wmsId, Map<String, String> settings, String sealed, Duration interval) {
        Instant now = Instant.now();
        CartConnectionConfigured cart = new CartConnectionConfigured(
                tenant, cartId, wmsId, true, true, interval, now, CartPlatform.SHOPIFY, settings, sealed, now);
        sender.send(Topics.CART_CONNECTIONS, cart.key().value(), cart, now).join();
        return cart;
    }

    private void publishSandboxCart(String cartId) {
        Instant now = Instant.now();
        CartConnectionConfigured cart =
                new CartConnectionConfigured(tenant, cartId, "main", true, true, Duration.ofSeconds(10), now);
        sender.send(Topics.CART_CONNECTIONS, cart.key().value(), cart, now).join();
    }

    /** As sync-report-api, its writer, declares it. */
    private void declareWmsConnections() throws InterruptedException {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(Topics.WMS_CONNECTIONS.declaration(2, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }
}
