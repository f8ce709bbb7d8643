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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An OpenID Connect issuer on the loopback for tests: its discovery document and its JWKS (one RSA key), and tokens it
 * signs. Any standard issuer looks the same to the service.
 */
final class FakeOidcIssuer implements AutoCloseable {

    static final String KEY_ID = "test-key";

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

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
                    "/.well-known/openid-configuration", exchange -> fake.answer(exchange, fake.discovery()));
            server.createContext(
                    "/jwks", exchange -> fake.answer(exchange, new JWKSet(fake.key.toPublicJWK()).toString()));
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

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
