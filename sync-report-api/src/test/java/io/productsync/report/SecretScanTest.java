package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.Topics;
import io.productsync.report.ApiClient.Response;
import io.productsync.report.connection.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Runs the connection API's paths, the error paths above all, with one known secret in the credentials, and an API key
 * and the operator's password, right and wrong, and scans everything they leave for any of them or its base64: every log line, every answer (body and headers), every record on every
 * topic of the broker (dead-letter topics included: keys, values, headers) and the read-model tables.
 */
@EmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class SecretScanTest {

    private static final String SECRET = "shpat_SCAN_7f3c9a1e5b2d4f60";
    private static final String OIDC_CLIENT_SECRET = "oidc-SCAN-2b9e71c4d08a";

    @Test
    void noCredentialAppearsInALogLineAnAnswerARecordOrATable(EmbeddedKafkaBroker broker, CapturedOutput output)
            throws Exception {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        TestKeys keys = TestKeys.generate();
        String database = TestDatabase.newDatabase("scan");
        List<ApiClient> clients = new ArrayList<>();
        try (FakeOidcIssuer issuer = FakeOidcIssuer.start();
                ConfigurableApplicationContext keyed = RunningService.start(
                        brokers,
                        TestDatabase.url(database),
                        "--productsync.kafka.partitions=1",
                        "--productsync.credentials.public-keyset=" + keys.publicKeysetJson(),
                        "--productsync.security.oidc.issuer-uri=" + issuer.issuer(),
                        "--productsync.security.oidc.client-id=scan-client",
                        "--productsync.security.oidc.client-secret=" + OIDC_CLIENT_SECRET);
                ConfigurableApplicationContext withoutKey = RunningService.start(
                        brokers,
                        TestDatabase.newDatabaseUrl("scan_nokey"),
                        "--productsync.kafka.partitions=1",
                        "--spring.kafka.listener.auto-startup=false");
                ConfigurableApplicationContext brokerDown = RunningService.start(
                        "localhost:1",
                        TestDatabase.newDatabaseUrl("scan_down"),
                        "--productsync.credentials.public-keyset=" + keys.publicKeysetJson(),
                        "--productsync.report.send-timeout=2s",
                        "--spring.kafka.producer.properties.max.block.ms=1000",
                        "--spring.kafka.admin.operation-timeout=1s",
                        "--spring.kafka.listener.auto-startup=false")) {
            ApiClient api = client(keyed, clients);
            String shopify = ConnectionApiTest.SHOPIFY.replace("shpat_secret_1", SECRET);
            String extensiv = ConnectionApiTest.EXTENSIV.replace("extensiv-secret-1", SECRET);

            // refused: invalid settings, unknown platform, unknown WMS, unknown credential (by value and by name),
            // JSON that cannot be read around the secret
            assertThat(api.put("scan/wms/east", extensiv.replace("1042", "x")).status())
                    .isEqualTo(400);
            assertThat(api.put("scan/wms/east", extensiv.replace("\"extensiv\"", "\"netsuite\""))
                            .status())
                    .isEqualTo(400);
            assertThat(api.put("scan/carts/shop", shopify).status()).isEqualTo(400);
            assertThat(api.put("scan/carts/shop", shopify.replace("acme-goods.myshopify.com", "x.com"))
                            .status())
                    .isEqualTo(400);
            assertThat(api.put("scan/carts/shop", shopify.replace("accessToken", "password"))
                            .status())
                    .isEqualTo(400);
            assertThat(api.put(
                                    "scan/carts/shop",
                                    shopify.replace("\"accessToken\":\"" + SECRET + "\"", "\"" + SECRET + "\":\"x\""))
                            .status())
                    .isEqualTo(400);
            assertThat(api.put("scan/carts/shop", shopify.replace("\"" + SECRET + "\"", SECRET))
                            .status())
                    .isEqualTo(400);
            assertThat(api.put("scan/carts/shop", shopify.substring(0, shopify.indexOf(SECRET) + SECRET.length()))
                            .status())
                    .isEqualTo(400);
            // stored: sealed, then read back and listed
            assertThat(api.put("scan/wms/east", extensiv).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("scan/wms/east").status() == 200);
            assertThat(api.put("scan/carts/shop", shopify).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("scan/carts/shop").status() == 200);
            assertThat(api.get("scan/carts").status()).isEqualTo(200);
            assertThat(api.get("scan/wms").status()).isEqualTo(200);
            assertThat(api.delete("scan/wms/east").status()).isEqualTo(409);
            // a record the projection cannot use (its key disagrees with its value) goes to the dead-letter topic
            sendUnderAnotherKey(brokers, "scan/shop", "scan/elsewhere");
            TopicRecords.until(brokers, Topics.CART_CONNECTIONS.deadLetterTopic(), "scan/elsewhere");
            // no public key: refused with 503, nothing stored
            Response noKey = client(withoutKey, clients).put("scan/wms/east", extensiv);
            assertThat(noKey.status()).isEqualTo(503);
            assertThat(noKey.detail()).contains("no public key");
            // Kafka does not acknowledge: 503
            Response down = client(brokerDown, clients).put("scan/wms/east", extensiv);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.detail()).contains("was not acknowledged by Kafka");

            // an API key: created (the one answer that shows it, not scanned), used, tampered with, revoked; and the
            // operator's password, right and wrong, over HTTP Basic
            int port = Integer.parseInt(keyed.getEnvironment().getProperty("local.server.port"));
            Response created =
                    new ApiClient(port).send("POST", "scan/api-keys", "{\"name\":\"scan\",\"role\":\"admin\"}");
            assertThat(created.status()).isEqualTo(201);
            String apiKey = created.body().get("key").asString();
            ApiClient withKey = keyedClient(port, "Bearer " + apiKey, clients);
            assertThat(withKey.get("scan/carts").status()).isEqualTo(200);
            assertThat(keyedClient(port, "Bearer " + apiKey + "x", clients)
                            .get("scan/carts")
                            .status())
                    .isEqualTo(401);
            assertThat(api.get("scan/api-keys").status()).isEqualTo(200);
            assertThat(api.delete("scan/api-keys/" + created.body().get("keyId").asString())
                            .status())
                    .isEqualTo(204);
            assertThat(withKey.get("scan/carts").status()).isEqualTo(401);
            String wrongPassword = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(("admin:" + Operator.password() + "x").getBytes(StandardCharsets.UTF_8));
            assertThat(keyedClient(port, wrongPassword, clients)
                            .get("scan/carts")
                            .status())
                    .isEqualTo(401);

            // a person's bearer token of the OpenID Connect issuer: right, tampered (signature cut), foreign audience
            String jwt = issuer.token("scan-client", "scan:admin");
            String foreignAudience = issuer.token("another-client", "scan:admin");
            assertThat(keyedClient(port, "Bearer " + jwt, clients)
                            .get("scan/carts")
                            .status())
                    .isEqualTo(200);
            for (String refused : List.of(jwt.substring(0, jwt.lastIndexOf('.') + 1) + "x", foreignAudience)) {
                assertThat(keyedClient(port, "Bearer " + refused, clients)
                                .get("scan/carts")
                                .status())
                        .isEqualTo(401);
            }

            List<String> scanned = new ArrayList<>();
            scanned.add(output.getAll());
            for (ApiClient client : clients) {
                client.exchanged().forEach(r -> scanned.add(r.status() + " " + r.headers() + " " + r.text()));
            }
            List<ConsumerRecord<String, byte[]>> records = TopicRecords.everything(brokers);
            for (ConsumerRecord<String, byte[]> record : records) {
                scanned.add(record.topic() + " " + record.key() + " " + text(record.value()));
                for (Header header : record.headers()) {
                    scanned.add(header.key() + "=" + text(header.value()));
                }
            }
            JdbcTemplate tables =
                    new JdbcTemplate(new DriverManagerDataSource(TestDatabase.url(database), "postgres", ""));
            scanned.addAll(tables.queryForList("SELECT c::text FROM carts c", String.class));
            scanned.addAll(tables.queryForList("SELECT w::text FROM wms_connections w", String.class));
            scanned.addAll(tables.queryForList("SELECT k::text FROM api_keys k", String.class));
            scanned.addAll(tables.queryForList("SELECT a::text FROM local_accounts a", String.class));

            // what was scanned holds what it should: the log lines, the sealed records and their dead letter
            assertThat(output.getAll()).contains("cart scan/shop connected:", "sealedCredentials=<sealed>");
            assertThat(records)
                    .anyMatch(r -> r.topic().equals("cart-connections")
                            && "scan/shop".equals(r.key())
                            && text(r.value()).contains("\"sealedCredentials\":\""));
            assertThat(records).anyMatch(r -> r.topic().equals("cart-connections-dlt"));
            assertThat(scanned).anyMatch(text -> text.contains("\"credentialsSet\":true"));
            assertThat(scanned).anyMatch(text -> text.contains("{bcrypt}"));
            assertThat(scanned).anyMatch(text -> text.contains("\"name\":\"scan\""));
            for (String secret : List.of(
                    SECRET,
                    apiKey,
                    apiKey.substring("psk_".length()),
                    Operator.password(),
                    OIDC_CLIENT_SECRET,
                    jwt,
                    jwt.substring(jwt.lastIndexOf('.') + 1),
                    foreignAudience)) {
                for (String form : forms(secret)) {
                    assertThat(scanned).as("scanned for '%s'", form).noneMatch(text -> text.contains(form));
                }
            }
        }
    }

    private static ApiClient keyedClient(int port, String authorization, List<ApiClient> clients) {
        ApiClient client = new ApiClient(port, authorization);
        clients.add(client);
        return client;
    }

    private static ApiClient client(ConfigurableApplicationContext app, List<ApiClient> clients) {
        ApiClient client = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        clients.add(client);
        return client;
    }

    /** The secret, and its base64 (standard and URL alphabet) at each of the three alignments it can have. */
    private static List<String> forms(String secret) {
        List<String> forms = new ArrayList<>(List.of(secret));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.withoutPadding().encodeToString(shifted);
                // drop the characters that also hold the prefix, and the last one, which depends on what follows
                int skip = offset == 0 ? 0 : offset + 1;
                forms.add(encoded.substring(skip, encoded.length() - 1));
            }
        }
        return forms;
    }

    private static void sendUnderAnotherKey(String brokers, String fromKey, String toKey) {
        byte[] value = TopicRecords.until(brokers, Topics.CART_CONNECTIONS.name(), fromKey).stream()
                .filter(r -> fromKey.equals(r.key()))
                .reduce((first, second) -> second)
                .orElseThrow()
                .value();
        TopicRecords.send(brokers, Topics.CART_CONNECTIONS.name(), toKey, value);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
