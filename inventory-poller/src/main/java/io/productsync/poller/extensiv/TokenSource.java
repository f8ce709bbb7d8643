package io.productsync.poller.extensiv;

import io.productsync.poller.connector.ConnectorException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extensiv's OAuth2 client-credentials token, as its REL page documents: {@code POST /AuthServer/api/Token} with
 * {@code Authorization: Basic base64(clientId:clientSecret)} and {@code {"grant_type":"client_credentials",
 * "user_login":...}} (plus {@code tpl} when set). The token is kept until shortly before {@code expires_in}, and never
 * longer than the 30 minutes the vendor advises; a token a call found rejected is dropped so the next call fetches a
 * fresh one. No token, secret or header value is ever logged or put in a message.
 */
final class TokenSource {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(30);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private final ExtensivHttp http;
    private final URI tokenUrl;
    private final ExtensivCredentials credentials;
    private final Duration timeout;
    private final Secrets secrets;
    private final Clock clock;
    private Token current;

    TokenSource(
            ExtensivHttp http,
            URI baseUrl,
            ExtensivCredentials credentials,
            Secrets secrets,
            Duration timeout,
            Clock clock) {
        this.http = http;
        this.tokenUrl = URI.create(baseUrl + "/AuthServer/api/Token");
        this.credentials = credentials;
        this.secrets = secrets;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token to send as {@code Bearer}: the kept one while it is fresh, else a new one. */
    synchronized String token() {
        if (current == null || !clock.instant().isBefore(current.refreshAt())) {
            current = fetch();
        }
        return current.value();
    }

    /** The vendor refused {@code token} (401): it is not used again. */
    synchronized void rejected(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    private Token fetch() {
        ObjectNode body = ExtensivJson.MAPPER.createObjectNode();
        body.put("grant_type", "client_credentials");
        body.put("user_login", credentials.userLogin());
        if (credentials.tpl() != null) {
            body.put("tpl", credentials.tpl());
        }
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Authorization", credentials.basicAuthorization())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ExtensivJson.MAPPER.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.exchange("Extensiv token request", request);
        if (response.statusCode() != 200) {
            throw new ConnectorException("Extensiv token request refused: " + http.describe(response)
                    + "; check the connection's client id, client secret, user login and tpl");
        }
        return parse(response.body());
    }

    private Token parse(String body) {
        JsonNode node;
        try {
            node = ExtensivJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            // Jackson's message quotes the body, and the body holds the token.
            throw new ConnectorException("Extensiv token response is not JSON");
        }
        String value = node.path("access_token").asString("");
        if (value.isBlank()) {
            throw new ConnectorException("Extensiv token response has no access_token");
        }
        secrets.token(value);
        Duration lifetime = node.path("expires_in").canConvertToLong()
                ? Duration.ofSeconds(node.path("expires_in").asLong())
                : MAX_LIFETIME;
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            lifetime = MAX_LIFETIME;
        }
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        return new Token(value, clock.instant().plus(lifetime).minus(margin));
    }

    private record Token(String value, Instant refreshAt) {

        @Override
        public String toString() {
            return "Token[refreshAt=" + refreshAt + "]";
        }
    }
}
