package io.productsync.report.connection;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A key pair as inventory-poller will hold it: the private keyset opens what this service seals with the public one.
 * Only tests have the private half.
 */
public final class TestKeys {

    private final KeysetHandle privateKeyset;

    private TestKeys(KeysetHandle privateKeyset) {
        this.privateKeyset = privateKeyset;
    }

    public static TestKeys generate() {
        try {
            HybridConfig.register();
            return new TestKeys(
                    KeysetHandle.generateNew(KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public keyset as JSON: what {@code productsync.credentials.public-keyset} holds. */
    public String publicKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeyset.getPublicKeysetHandle());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String privateKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(privateKeyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens base64 sealed credentials as the poller will; throws when the context is not the one they were sealed for. */
    public String open(String sealedBase64, byte[] context) throws GeneralSecurityException {
        HybridDecrypt decrypt = privateKeyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        return new String(decrypt.decrypt(Base64.getDecoder().decode(sealedBase64), context), StandardCharsets.UTF_8);
    }
}
