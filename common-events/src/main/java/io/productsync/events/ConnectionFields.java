package io.productsync.events;

import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The rules of the fields both connection events share: platform settings and sealed credentials. */
final class ConnectionFields {

    private ConnectionFields() {}

    /** An immutable copy in key order (absent = none); keys and values must be present. */
    static Map<String, String> settings(Map<String, String> settings) {
        if (settings == null) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("settings has a blank name");
            }
            if (value == null) {
                throw new IllegalArgumentException("settings." + key + " is null: leave it out instead");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Sealed credentials are base64 ciphertext and come with the time they were set, or neither is there. */
    static void requireSealed(String sealedCredentials, Instant credentialsSetAt) {
        if ((sealedCredentials == null) != (credentialsSetAt == null)) {
            throw new IllegalArgumentException("sealedCredentials and credentialsSetAt go together: both or neither");
        }
        if (sealedCredentials == null) {
            return;
        }
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(sealedCredentials);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealedCredentials must be base64 ciphertext");
        }
        if (ciphertext.length == 0) {
            throw new IllegalArgumentException("sealedCredentials is empty");
        }
    }

    /** What a {@code toString()} shows of them: never the ciphertext, only whether there is one. */
    static String shown(String sealedCredentials) {
        return sealedCredentials == null ? "none" : "<sealed>";
    }
}
