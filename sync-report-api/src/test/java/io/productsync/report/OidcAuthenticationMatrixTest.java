package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.report.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
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

/**
 * With an OpenID Connect issuer set, its JWTs are API credentials: every token that is not a good one (expired,
 * signed by a key that is not the issuer's, from another issuer, tampered with, meant for another audience) is the
 * same 401 as any failed sign-in; the right one gets its tenant as its grants claim says, and nothing else; API keys
 * keep working beside it.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcAuthenticationMatrixTest {

    private static final String CLIENT_ID = "product-sync";
    private static final String TABLE = "oidc/carts/shop/product-sync";
    private static final String OTHER_TABLE = "other/carts/shop/product-sync";

    private FakeOidcIssuer issuer;
    private FakeOidcIssuer foreignIssuer;
    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        issuer = FakeOidcIssuer.start();
        foreignIssuer = FakeOidcIssuer.start();
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("oidc");
        app = RunningService.start(
                brokers,
                url,
                "--productsync.kafka.partitions=1",
                "--productsync.security.oidc.issuer-uri=" + issuer.issuer(),
                "--productsync.security.oidc.client-id=" + CLIENT_ID);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        for (String tenant : new String[] {"oidc", "other"}) {
            jdbc.update("""
                    INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, reason,
                        cart_quantity, evaluated_at, event_id)
                    VALUES (?, 'shop', 'BDreams', true, 'NOT_SYNCED', 'NO_WMS_MATCH', 3, now(), gen_random_uuid())
                    """, tenant);
        }
    }

    @AfterAll
    void stopService() {
        app.close();
        issuer.close();
        foreignIssuer.close();
    }

    @Test
    void everyTokenThatIsNotAGoodOneIsTheSame401AsAFailedSignIn() {
        String good = issuer.token(CLIENT_ID, "oidc:admin");
        String[] parts = good.split("\\.");
        String adminOfOther = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("oidc:admin", "other:admin")
                        .getBytes(StandardCharsets.UTF_8));

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(
                "an expired token",
                issuer.sign(issuer.claims(CLIENT_ID, Instant.now().minus(Duration.ofMinutes(10)), "oidc:admin")));
        refused.put(
                "a token signed by a key that is not the issuer's",
                FakeOidcIssuer.sign(
                        issuer.claims(CLIENT_ID, Instant.now().plus(Duration.ofMinutes(5)), "oidc:admin"),
                        FakeOidcIssuer.newKey()));
        refused.put("a token of another issuer", foreignIssuer.token(CLIENT_ID, "oidc:admin"));
        refused.put("a token whose payload was changed", parts[0] + "." + adminOfOther + "." + parts[2]);
        refused.put("a token without its signature", parts[0] + "." + parts[1] + ".");
        refused.put("a token for another audience", issuer.token("another-client", "oidc:admin"));
        refused.put("a token that is no JWT", "not-a-jwt");
        refused.forEach((what, token) -> {
            ApiClient client = new ApiClient(port, "Bearer " + token);
            for (String path : new String[] {TABLE, OTHER_TABLE, "oidc/api-keys"}) {
                AuthenticationMatrixTest.assertRefusedWithoutDetail(client.get(path), what + " on " + path);
            }
        });
        assertThat(new ApiClient(port, "Bearer " + good).get(TABLE).status()).isEqualTo(200);
    }

    @Test
    void theRightTokenGetsItsTenantAndNoOther() {
        ApiClient admin = new ApiClient(port, "Bearer " + issuer.token(CLIENT_ID, "oidc:admin"));
        Response own = admin.get(TABLE);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("items").get(0).get("sku").asString()).isEqualTo("BDreams");
        assertThat(admin.get("oidc/api-keys").status()).isEqualTo(200);

        Response other = admin.get(OTHER_TABLE);
        Response nobody = admin.get("nobody/carts/shop/product-sync");
        assertThat(other.status()).isEqualTo(404);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(other.text())
                .isEqualTo(nobody.text().replace("nobody", "other"))
                .doesNotContain("BDreams");
    }

    @Test
    void aViewerReadsButIsRefusedEveryAdminAction() {
        ApiClient viewer = new ApiClient(port, "Bearer " + issuer.token(CLIENT_ID, "oidc:viewer"));
        assertThat(viewer.get(TABLE).status()).isEqualTo(200);
        assertThat(viewer.get("oidc/api-keys").status()).isEqualTo(403);
        assertThat(viewer.send("POST", "oidc/api-keys", "{\"name\":\"ci\",\"role\":\"admin\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aTokenWithoutAGrantOrWithGrantsOfNoShapeSeesNoTenant() {
        for (String[] grants : new String[][] {{}, {"*:admin"}, {"oidc"}, {"oidc:owner"}, {":admin"}}) {
            ApiClient caller = new ApiClient(port, "Bearer " + issuer.token(CLIENT_ID, grants));
            assertThat(caller.get(TABLE).status()).as(String.join(",", grants)).isEqualTo(404);
            assertThat(caller.get(OTHER_TABLE).status())
                    .as(String.join(",", grants))
                    .isEqualTo(404);
        }
    }

    @Test
    void apiKeysAndTheOperatorKeepWorkingBesideTheIssuer() {
        ApiClient operator = new ApiClient(port);
        Response created = operator.send("POST", "other/api-keys", "{\"name\":\"ci\",\"role\":\"viewer\"}");
        assertThat(created.status()).isEqualTo(201);
        ApiClient key = operator.withKey(created.body().get("key").asString());
        assertThat(key.get(OTHER_TABLE).status()).isEqualTo(200);
        assertThat(key.get(TABLE).status()).isEqualTo(404);
        assertThat(operator.get(TABLE).status()).isEqualTo(200);
    }
}
