package io.productsync.report.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** An issuer that cannot be reached. */
class JwtBearerTest {

    @Test
    void anIssuerThatCannotBeReachedNeitherStopsTheStartNorLetsAnyTokenIn() throws Exception {
        String issuer = "http://127.0.0.1:" + closedPort();
        JwtBearer bearer = new JwtBearer(new SecuritySettings.Oidc(issuer, "product-sync", null, "productsync_grants"));

        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience("product-sync")
                        .expirationTime(new Date(System.currentTimeMillis() + 300_000))
                        .claim("productsync_grants", "acme:admin")
                        .build());
        jwt.sign(new RSASSASigner(key));

        assertThat(bearer.authenticate(jwt.serialize())).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
