package io.productsync.report;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect issuer on the loopback for tests: its discovery document and its JWKS (one RSA key), tokens it
 * signs, and the authorization code flow for one client, whose every sign-in it approves at once as the person set by
 * {@link #signsIn}. Any standard issuer looks the same to the service.
 */
final class FakeOidcIssuer implements AutoCloseable {

    static final String KEY_ID = "test-key";

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, String> nonceByCode = new ConcurrentHashMap<>();
    private volatile String client = "";
    private volatile String[] grants = {};

    private FakeOidcIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static FakeOidcIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeOidcIssuer fake = new FakeOidcIssuer(server, newKey());
            server.createContext(
                    "/.well-known/openid-configuration", exchange -> fake.answer(exchange, 200, fake.discovery()));
            server.createContext(
                    "/jwks", exchange -> fake.answer(exchange, 200, new JWKSet(fake.key.toPublicJWK()).toString()));
            server.createContext("/authorize", fake::authorize);
            server.createContext("/token", fake::token);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new RSA key with the same key id as the issuer's, so only its signature tells it apart. */
    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    /** The client (its {@code id:secret}) that may redeem codes, and the grants of the person every sign-in is. */
    void signsIn(String clientIdAndSecret, String... grants) {
        this.client = clientIdAndSecret;
        this.grants = grants;
    }

    /** Approves at once: back to the client with a code for this request's nonce. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        nonceByCode.put(code, query.getOrDefault("nonce", ""));
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        query.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** A code redeemed once, by the client with its secret, for an ID token naming the person's grants. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8));
        String nonce = nonceByCode.remove(body.getOrDefault("code", ""));
        if (nonce == null || !expected.equals(authorization)) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String clientId = client.substring(0, client.indexOf(':'));
        String idToken = sign(claims(clientId, Instant.now().plus(Duration.ofMinutes(5)), grants)
                .claim("nonce", nonce));
        answer(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid","id_token":"%s"}
                """.formatted(UUID.randomUUID(), idToken));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** A token of this issuer for the audience, valid for the next five minutes, with these grants. */
    String token(String audience, String... grants) {
        return sign(claims(audience, Instant.now().plus(Duration.ofMinutes(5)), grants), key);
    }

    /** The claims of a token this issuer would give, to be changed before signing. */
    JWTClaimsSet.Builder claims(String audience, Instant expiresAt, String... grants) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-" + UUID.randomUUID())
                .audience(audience)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiresAt))
                .claim("productsync_grants", List.of(grants));
    }

    /** Signed with this issuer's key. */
    String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet.Builder claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(with.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                 "token_endpoint":"%1$s/token","subject_types_supported":["public"],
                 "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"],
                 "scopes_supported":["openid"]}
                """.formatted(issuer);
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
