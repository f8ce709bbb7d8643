package io.productsync.poller.connection;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import io.productsync.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Opens credentials sealed by sync-report-api (Tink hybrid encryption) with this service's private keyset and the
 * connection's context info, so a ciphertext opens only for the connection it was sealed for. No message here ever
 * carries a credential, the keyset or the ciphertext.
 */
@Component
final class CredentialOpener {

    private static final String SETTING = "productsync.credentials.private-keyset";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final HybridDecrypt decrypt;

    CredentialOpener(CredentialSettings settings) {
        this.decrypt = load(settings.privateKeyset());
    }

    /** @throws CredentialsUnreadable when there is no key, or the ciphertext is not for this key and context */
    Map<String, String> open(String sealedBase64, byte[] context) {
        if (decrypt == null) {
            throw new CredentialsUnreadable("no private keyset is configured (" + SETTING + ")");
        }
        byte[] plaintext = null;
        try {
            plaintext = decrypt.decrypt(Base64.getDecoder().decode(sealedBase64), context);
            return Map.copyOf(EventJson.MAPPER.readValue(plaintext, FIELDS));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CredentialsUnreadable("they do not open with this poller's private keyset (sealed with another "
                    + "public keyset, for another connection, or altered)");
        } catch (RuntimeException e) {
            // A JSON error could quote the plaintext: only its kind is told.
            throw new CredentialsUnreadable("they open but are not a JSON object of strings ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /** The setting is the JSON keyset itself or the path of a file holding it; neither is ever echoed. */
    static HybridDecrypt load(String setting) {
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
                throw new IllegalStateException(SETTING + " names a file that cannot be read: "
                        + e.getClass().getSimpleName());
            }
        }
        try {
            HybridConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return keyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(SETTING + " is not a Tink private hybrid keyset in JSON: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Why a connection's credentials cannot be used; its message never holds a secret. */
    static final class CredentialsUnreadable extends RuntimeException {

        CredentialsUnreadable(String message) {
            super(message, null, false, false);
        }
    }
}
