package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialKeysTest {

    @Test
    void createsAKeyPairOnFirstStartWithThePrivateHalfForItsOwnerOnlyAndKeepsIt(@TempDir Path dataDir)
            throws Exception {
        CredentialKeys keys = CredentialKeys.inDataDir(dataDir);

        assertThat(keys.privateKeyset()).isEqualTo(dataDir.resolve("keys/credentials-private.json"));
        assertThat(keys.publicKeyset()).isEqualTo(dataDir.resolve("keys/credentials-public.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyset())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys"))))
                .isEqualTo("rwx------");
        String privateJson = Files.readString(keys.privateKeyset());
        String publicJson = Files.readString(keys.publicKeyset());

        byte[] context = "acme/cart/main-store".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicJson)
                .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class)
                .encrypt("{\"accessToken\":\"shpat_x\"}".getBytes(StandardCharsets.UTF_8), context);
        byte[] opened = TinkJsonProtoKeysetFormat.parseKeyset(privateJson, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
                .decrypt(sealed, context);
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("{\"accessToken\":\"shpat_x\"}");

        CredentialKeys again = CredentialKeys.inDataDir(dataDir);
        assertThat(Files.readString(again.privateKeyset())).isEqualTo(privateJson);
        assertThat(Files.readString(again.publicKeyset())).isEqualTo(publicJson);
    }

    @Test
    void givesThePrivateKeysetToThePollerAloneAndThePublicOneToTheReport(@TempDir Path dataDir) {
        CredentialKeys keys = CredentialKeys.inDataDir(dataDir);

        assertThat(keys.serviceProperties().get(ProductSyncServices.POLLER))
                .containsExactlyEntriesOf(Map.of(
                        "productsync.credentials.private-keyset",
                        keys.privateKeyset().toString()));
        assertThat(keys.serviceProperties().get(ProductSyncServices.REPORT))
                .containsExactlyEntriesOf(Map.of(
                        "productsync.credentials.public-keyset",
                        keys.publicKeyset().toString()));
        assertThat(keys.serviceProperties()).doesNotContainKey(ProductSyncServices.MATCHER);
    }
}
