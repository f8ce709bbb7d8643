package io.productsync.poller.snapshot;

import java.util.HashMap;
import java.util.Map;

/** Keys and fingerprints stated as a map in tests (null: unknown), to and from {@link KeyFingerprints}. */
final class KeyFingerprintMaps {

    private KeyFingerprintMaps() {}

    static KeyFingerprints of(SourceId source, Map<String, Long> keys) {
        KeyFingerprints fingerprints = new KeyFingerprints(source);
        keys.forEach((key, fingerprint) -> {
            if (fingerprint == null) {
                fingerprints.putUnknown(key);
            } else {
                fingerprints.put(key, fingerprint);
            }
        });
        return fingerprints;
    }

    static Map<String, Long> asMap(KeyFingerprints fingerprints) {
        Map<String, Long> map = new HashMap<>();
        KeyFingerprints.Cursor entry = fingerprints.cursor();
        while (entry.next()) {
            String key = entry.key();
            if (map.containsKey(key)) {
                throw new AssertionError(key + " met twice");
            }
            map.put(key, entry.known() ? entry.fingerprint() : null);
        }
        if (map.size() != fingerprints.size()) {
            throw new AssertionError(map.size() + " keys met, size() says " + fingerprints.size());
        }
        return map;
    }
}
