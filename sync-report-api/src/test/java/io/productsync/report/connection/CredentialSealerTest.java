package io.productsync.report.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.CartKey;
import io.productsync.events.WmsKey;
import io.productsync.report.system.ReportSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSealerTest {

    private static final String TOKEN = "shpat_0123456789abcdef";

    private final TestKeys keys = TestKeys.generate();

    @Test
    void sealedCredentialsOpenWithThePrivateKeyForTheirOwnConnectionOnly() throws Exception {
        CredentialSealer sealer = sealer(keys.publicKeysetJson());
        byte[] context = new CartKey("acme", "shop").credentialsContext();

        String sealed = sealer.seal(Map.of("accessToken", TOKEN), context);

        assertThat(sealed).doesNotContain(TOKEN).doesNotContain(base64(TOKEN));
        assertThat(keys.open(sealed, context)).isEqualTo("{\"accessToken\":\"" + TOKEN + "\"}");
        for (byte[] other : new byte[][] {
            new CartKey("acme", "outlet").credentialsContext(),
            new CartKey("other", "shop").credentialsContext(),
            new WmsKey("acme", "shop").credentialsContext()
        }) {
            assertThatThrownBy(() -> keys.open(sealed, other)).isInstanceOf(GeneralSecurityException.class);
        }
        assertThatThrownBy(() -> TestKeys.generate().open(sealed, context))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        CredentialSealer sealer = sealer(keys.publicKeysetJson());
        byte[] context = new WmsKey("acme", "east").credentialsContext();

        assertThat(sealer.seal(Map.of("clientSecret", TOKEN), context))
                .isNotEqualTo(sealer.seal(Map.of("clientSecret", TOKEN), context));
    }

    @Test
    void readsThePublicKeysetFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("public-keyset.json"), keys.publicKeysetJson());
        CredentialSealer sealer = sealer(file.toString());
        byte[] context = new WmsKey("acme", "east").credentialsContext();

        assertThat(keys.open(sealer.seal(Map.of("clientId", "c"), context), context))
                .isEqualTo("{\"clientId\":\"c\"}");
    }

    @Test
    void withoutAKeysetNothingCanBeSealed() {
        assertThat(sealer(null).available()).isFalse();
        assertThat(sealer(" ").available()).isFalse();
        assertThat(sealer(keys.publicKeysetJson()).available()).isTrue();
        assertThatThrownBy(() -> sealer(null).seal(Map.of("accessToken", TOKEN), new byte[0]))
                .hasMessage("no public keyset is configured");
    }

    @Test
    void refusesAPrivateKeysetOrAMissingFileWithoutEchoingTheSetting() {
        String privateKeyset = keys.privateKeysetJson();

        assertThatThrownBy(() -> sealer(privateKeyset))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("productsync.credentials.public-keyset is not a Tink public keyset")
                .message()
                .doesNotContain("value", "keyData");
        assertThatThrownBy(() -> sealer("/no/such/keyset.json"))
                .hasMessageStartingWith("productsync.credentials.public-keyset names a file that cannot be read")
                .message()
                .doesNotContain("/no/such");
    }

    private static CredentialSealer sealer(String publicKeyset) {
        return new CredentialSealer(new ReportSettings(
                new ReportSettings.Kafka(1, (short) 1), null, new ReportSettings.Credentials(publicKeyset)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
