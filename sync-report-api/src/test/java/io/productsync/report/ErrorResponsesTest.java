package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.EventJson;
import io.productsync.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Every error over real HTTP is application/problem+json and none is a 500: values PostgreSQL would refuse are refused
 * first, and what Tomcat refuses before our code sees it is answered by our error report. Requests go over a raw
 * socket, because an HTTP client would refuse to send most of them.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTest {

    private static final String CART = "/api/v1/tenants/errs/carts/shop/product-sync";

    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void startServiceWithAConnectedCart(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        app = RunningService.start(brokers, TestDatabase.newDatabaseUrl("errors"), "--productsync.kafka.partitions=1");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        var connection = new CartConnectionConfigured(
                "errs", "shop", "main", true, true, Duration.ofSeconds(10), Instant.parse("2026-11-27T09:00:00Z"));
        TopicRecords.send(
                brokers,
                Topics.CART_CONNECTIONS.name(),
                connection.key().value(),
                Topics.CART_CONNECTIONS.valueSerde().serializer().serialize("", connection));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> request("GET " + CART).status() == 200);
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void valuesThePostgresqlTextTypeWouldRefuseAreRefusedFirst() {
        String nulCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {0});
        String notUtf8Cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xC3, 0x28});

        assertProblem(request("GET " + CART + "?after=" + nulCursor), 400, "after must be the 'next' value");
        assertProblem(request("GET " + CART + "?after=" + notUtf8Cursor), 400, "after must be the 'next' value");
        assertProblem(request("GET " + CART + "?skuPrefix=%00"), 400, "skuPrefix contains a control character");
        assertProblem(request("GET /api/v1/tenants/errs/aliases?after=" + nulCursor), 400, "after must be");
    }

    @Test
    void presentParametersMustBeValidEvenWhenBlank() {
        assertProblem(request("GET " + CART + "?limit=%20"), 400, "limit must be a whole number from 1 to 500");
        assertProblem(request("GET " + CART + "?limit="), 400, "limit must be a whole number from 1 to 500");
        assertProblem(request("GET " + CART + "?never=%20"), 400, "never must be true or false");
        assertProblem(request("GET " + CART + "?skuPrefix="), 400, "skuPrefix must not be empty");
        assertProblem(request("GET " + CART + "?after="), 400, "after must be the 'next' value");
    }

    @Test
    void longValuesAreRefusedWithTheLimitSaid() {
        String longCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("S".repeat(300).getBytes());

        assertProblem(request("GET " + CART + "?after=" + longCursor), 400, "after must be the 'next' value");
        assertProblem(request("GET " + CART + "/items/" + "S".repeat(300)), 400, "longer than 255 characters");
        assertProblem(request("GET " + CART + "?after=" + "A".repeat(10_000)), 400, "at most 255 characters");
        assertProblem(request("GET " + CART + "/items/" + "S".repeat(10_000)), 400, "at most 255 characters");
    }

    @Test
    void whatTomcatRefusesIsAProblemToo() {
        assertProblem(request("GET /api/v1/tenants/errs%00/carts/shop/product-sync"), 400, "could not be read");
        assertProblem(request("GET " + CART + "/items/A%00B"), 400, "could not be read");
        assertProblem(request("GET " + CART + "/items/%C3%28"), 400, "could not be read");
        assertProblem(request("GET /api/v1/tenants/errs\\carts/shop/product-sync"), 400, "could not be read");
    }

    @Test
    void theErrorPathAndUnknownPathsAreNotFound() {
        assertProblem(request("GET /error"), 404, "no resource at /error");
        assertProblem(request("GET /nothing/here"), 404, "");
        assertProblem(request("DELETE " + CART), 405, "");
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode body = EventJson.MAPPER.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).contains(detail);
    }

    private record Response(int status, String contentType, String body) {}

    /** Sends {@code "METHOD target"} exactly as written, HTTP/1.1, and reads the whole answer. */
    private Response request(String methodAndTarget) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((methodAndTarget + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Operator.authorization()
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = readAll(socket.getInputStream());
            int headersEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headersEnd);
            String body = answer.substring(headersEnd + 4);
            String contentType = head.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst()
                    .orElse("");
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(Integer.parseInt(head.split(" ")[1]), contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
