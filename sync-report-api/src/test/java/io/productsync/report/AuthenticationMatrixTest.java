package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.report.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Who gets in: every credential that is not a good one (none, a wrong key, a revoked key, a tampered key, a wrong
 * password, a token of another scheme) is the same 401 whose body says nothing about why; the right key and the
 * operator get in; the health probe needs nothing and shows nothing but its status.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationMatrixTest {

    private static final String TABLE = "auth/carts/shop/product-sync";

    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private int port;
    private ApiClient operator;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("auth");
        app = RunningService.start(
                brokers, url, "--productsync.kafka.partitions=1", "--productsync.security.last-used-flush=200ms");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        operator = new ApiClient(port);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        jdbc.execute("""
                INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, reason, cart_quantity,
                    evaluated_at, event_id)
                VALUES ('auth', 'shop', 'BDreams', true, 'NOT_SYNCED', 'NO_WMS_MATCH', 3, now(), gen_random_uuid())
                """);
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void everyCredentialThatIsNotAGoodOneIsTheSame401AndTheRightOnesGetIn() {
        String key = newKey("ci", "viewer");
        String revoked = newKey("old", "viewer");
        assertThat(operator.delete("auth/api-keys/" + keyId("old")).status()).isEqualTo(204);
        char last = key.charAt(key.length() - 1);
        String tampered = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');

        Map<String, ApiClient> refused = Map.of(
                "no credential", new ApiClient(port, null),
                "a key nobody issued", new ApiClient(port, "Bearer psk_" + "x".repeat(43)),
                "a revoked key", new ApiClient(port, "Bearer " + revoked),
                "a tampered key", new ApiClient(port, "Bearer " + tampered),
                "a token that is not a key", new ApiClient(port, "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"),
                "the operator with a wrong password", new ApiClient(port, basic(Operator.USERNAME, "wrong")),
                "a user that does not exist", new ApiClient(port, basic("mallory", Operator.password())));
        refused.forEach((what, client) -> {
            for (String path : new String[] {TABLE, "auth/aliases", "nobody/carts", "auth/api-keys"}) {
                assertRefusedWithoutDetail(client.get(path), what + " on " + path);
            }
        });

        Response withKey = new ApiClient(port, "Bearer " + key).get(TABLE);
        assertThat(withKey.status()).isEqualTo(200);
        assertThat(withKey.body().get("items").get(0).get("sku").asString()).isEqualTo("BDreams");
        assertThat(operator.get(TABLE).status()).isEqualTo(200);
    }

    @Test
    void aKeyIsShownOnceStoredAsItsHashAndItsLastUseIsWrittenInBatches() {
        String key = newKey("batch", "admin");
        JsonNode listed = keyNamed("batch");
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.get("lastUsedAt").isNull()).isTrue();
        assertThat(jdbc.queryForList("SELECT k::text FROM api_keys k", String.class))
                .isNotEmpty()
                .noneMatch(row -> row.contains(key) || row.contains(key.substring(4)));

        ApiClient client = new ApiClient(port, "Bearer " + key);
        for (int i = 0; i < 20; i++) {
            assertThat(client.get(TABLE).status()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT last_used_at IS NOT NULL FROM api_keys WHERE name = 'batch'", Boolean.class))
                        .isTrue());
        assertThat(keyNamed("batch").get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void theHealthProbeNeedsNoCredentialAndShowsOnlyItsStatus() {
        Response health = new ApiClient(port, null).site("GET", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "auth");
    }

    @Test
    void aPageWithoutASignInSendsTheBrowserToTheSignInForm() {
        Response page = new ApiClient(port, null).site("GET", "/tenants/auth");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().toLowerCase(Locale.ROOT)).contains("location=[http://localhost:" + port + "/login]");
        Response form = new ApiClient(port, null).site("GET", "/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("name=\"_csrf\"", "id=\"password\"");
    }

    private String newKey(String name, String role) {
        Response created =
                operator.send("POST", "auth/api-keys", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asString();
        assertThat(key).startsWith("psk_").hasSize(4 + 43);
        return key;
    }

    private String keyId(String name) {
        return keyNamed(name).get("keyId").asString();
    }

    private JsonNode keyNamed(String name) {
        for (JsonNode key : operator.get("auth/api-keys").body().get("items")) {
            if (key.get("name").asString().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("no key named " + name);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The one answer to every failed sign-in: 401, both schemes offered, a body that says nothing about why. */
    static void assertRefusedWithoutDetail(Response answer, String what) {
        assertThat(answer.status()).as(what).isEqualTo(401);
        assertThat(answer.headers().toLowerCase(Locale.ROOT))
                .as(what)
                .contains("www-authenticate=[bearer realm=\"product sync\"");
        assertThat(answer.text())
                .as(what)
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}");
    }
}
