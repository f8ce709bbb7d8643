package io.productsync.poller.connection;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import io.productsync.events.EventJson;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** A key pair like the one the local run creates: sync-report-api seals with the public half, the poller opens. */
final class TestKeyPair {

    private final KeysetHandle privateKeyset;

    private TestKeyPair(KeysetHandle privateKeyset) {
        this.privateKeyset = privateKeyset;
    }

    static TestKeyPair generate() {
        try {
            HybridConfig.register();
            return new TestKeyPair(
                    KeysetHandle.generateNew(KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code productsync.credentials.private-keyset} holds. */
    String privateKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(privateKeyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sealed as sync-report-api's CredentialSealer does: base64 of the sealed JSON object. */
    String seal(Map<String, String> credentials, byte[] context) {
        try {
            HybridEncrypt encrypt = privateKeyset
                    .getPublicKeysetHandle()
                    .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
            byte[] plaintext = EventJson.MAPPER.writeValueAsBytes(new TreeMap<>(credentials));
            return Base64.getEncoder().encodeToString(encrypt.encrypt(plaintext, context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
