package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's PostgreSQL TLS setting, {@code spring.datasource.url} with {@code sslmode=verify-full} and
 * {@code sslrootcert}, on a real PostgreSQL serving TLS: the connection is encrypted, and a server whose certificate
 * the given CA did not sign is refused.
 */
class PostgresTlsTest {

    @Test
    void verifyFullConnectsOverTlsAndRefusesAServerTheCaDidNotSign(@TempDir Path dir) throws IOException, SQLException {
        SelfSignedCertificate server = SelfSignedCertificate.forLocalhost(dir.resolve("tls"), "server");
        SelfSignedCertificate stranger = SelfSignedCertificate.forLocalhost(dir.resolve("tls"), "stranger");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", server.certificate().toString())
                .setServerConfig("ssl_key_file", server.privateKey().toString())
                .start()) {
            String url =
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?sslmode=verify-full&sslrootcert=";

            try (Connection db = DriverManager.getConnection(url + server.certificate(), "postgres", "");
                    ResultSet row = db.createStatement()
                            .executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean("ssl")).isTrue();
                assertThat(row.getString("version")).startsWith("TLSv1.");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url + stranger.certificate(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SSL error");
        }
    }
}
