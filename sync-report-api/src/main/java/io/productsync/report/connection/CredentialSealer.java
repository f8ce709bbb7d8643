package io.productsync.report.connection;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import io.productsync.events.EventJson;
import io.productsync.report.system.ReportSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Seals credentials with inventory-poller's public key (Tink hybrid encryption, e.g. HPKE X25519 + AES-256-GCM), with
 * the connection's key as context info, so the ciphertext opens only with the poller's private key and only for the
 * connection it was sealed for. This service never holds a key that can open them.
 */
@Component
class CredentialSealer {

    private final HybridEncrypt encrypt;

    CredentialSealer(ReportSettings settings) {
        this.encrypt = load(settings.credentials().publicKeyset());
    }

    /** False when no public keyset is configured: credentials cannot be accepted. */
    boolean available() {
        return encrypt != null;
    }

    /** Base64 of the sealed JSON object of the credentials (names in order). */
    String seal(Map<String, String> credentials, byte[] context) {
        if (encrypt == null) {
            throw new IllegalStateException("no public keyset is configured");
        }
        byte[] plaintext = EventJson.MAPPER.writeValueAsBytes(new TreeMap<>(credentials));
        try {
            return Base64.getEncoder().encodeToString(encrypt.encrypt(plaintext, context));
        } catch (GeneralSecurityException e) {
            // Tink's message names the failure, never the plaintext.
            throw new IllegalStateException("credentials could not be sealed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * The setting is the JSON keyset itself or the path of a file holding it. Its content is never echoed in a
     * message: a private keyset configured here by mistake must not end up in a log.
     */
    static HybridEncrypt load(String setting) {
        if (setting == null || setting.isBlank()) {
            return null;
        }
        String json;
        if (setting.strip().startsWith("{")) {
            json = setting;
        } else {
            try {
                json = Files.readString(Path.of(setting.strip()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "productsync.credentials.public-keyset names a file that cannot be read: "
                                + e.getClass().getSimpleName());
            }
        }
        try {
            HybridConfig.register();
            KeysetHandle publicKeyset = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
            return publicKeyset.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("productsync.credentials.public-keyset is not a Tink public keyset in JSON "
                    + "(a keyset with private key material is refused): "
                    + e.getClass().getSimpleName());
        }
    }
}
