package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.WmsRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveKeyStoreTest {

    private static final SourceId SHOP = SourceId.cart(new CartKey("acme", "shop"));

    @TempDir
    Path dir;

    LiveKeyStore store;

    @BeforeEach
    void open() {
        store = new LiveKeyStore(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepsKeysAndFingerprintsAcrossAReopenWhateverTheirCharacters() {
        Map<String, Long> keys = new HashMap<>();
        keys.put("acme/shop/A", 0L);
        keys.put("acme/shop/B", -1L);
        keys.put("acme/shop/a/b c,\"d\"", 0x0123456789abcdefL);
        keys.put("acme/shop/Größe-日本-😀", 5L);
        keys.put("acme/shop/lone-\ud800-surrogate", 6L);
        keys.put("acme/shop/not yet known", null);
        assertThat(store.of(SHOP).update(true, KeyFingerprintMaps.of(SHOP, keys), true))
                .isTrue();

        store.close();
        store = new LiveKeyStore(dir);

        assertThat(asMap(store.of(SHOP))).isEqualTo(keys);
        assertThat(store.of(SHOP).size()).isEqualTo(keys.size());
        assertThat(store.of(SHOP).contains("acme/shop/not yet known")).isTrue();
        assertThat(store.of(SHOP).contains("acme/shop/C")).isFalse();
    }

    @Test
    void keepsTheKeysOfEachSourceApartWhereTheirIdsShareAPrefix() {
        SourceId longerShop = SourceId.cart(new CartKey("acme", "shop2"));
        SourceId wmsOfSameName = SourceId.wms(new WmsRef("acme", "shop"));
        store.of(SHOP).update(true, KeyFingerprintMaps.of(SHOP, Map.of("acme/shop/A", 1L)), true);
        store.of(longerShop).update(true, KeyFingerprintMaps.of(longerShop, Map.of("acme/shop2/A", 2L)), true);
        store.of(wmsOfSameName).update(true, KeyFingerprintMaps.of(wmsOfSameName, Map.of("acme/shop/A", 3L)), true);

        store.of(SHOP).update(true, new KeyFingerprints(SHOP), true);

        assertThat(store.of(SHOP).keys()).isEmpty();
        assertThat(asMap(store.of(longerShop))).isEqualTo(Map.of("acme/shop2/A", 2L));
        assertThat(asMap(store.of(wmsOfSameName))).isEqualTo(Map.of("acme/shop/A", 3L));
        assertThatThrownBy(() -> store.of(SHOP).fingerprints(List.of("acme/shop2/A")))
                .hasMessageContaining("not a key of");
    }

    @Test
    void aCompleteSnapshotKeepsWhatItListedAnIncompleteOneOnlyAddsAndOnlyAcknowledgedFingerprintsAreTaken() {
        LiveKeyStore.SourceKeys keys = store.of(SHOP);
        keys.update(true, KeyFingerprintMaps.of(SHOP, Map.of("acme/shop/A", 1L, "acme/shop/B", 2L)), true);

        Map<String, Long> incomplete = new HashMap<>();
        incomplete.put("acme/shop/A", 9L);
        incomplete.put("acme/shop/C", 3L);
        keys.update(false, KeyFingerprintMaps.of(SHOP, incomplete), false);
        assertThat(asMap(keys))
                .as("not acknowledged: the new key comes in unknown, A keeps its fingerprint")
                .isEqualTo(mapOf("acme/shop/A", 1L, "acme/shop/B", 2L, "acme/shop/C", null));

        Map<String, Long> complete = new HashMap<>();
        complete.put("acme/shop/A", null);
        complete.put("acme/shop/C", 3L);
        complete.put("acme/shop/D", 4L);
        keys.update(true, KeyFingerprintMaps.of(SHOP, complete), true);

        assertThat(asMap(keys)).isEqualTo(mapOf("acme/shop/A", 1L, "acme/shop/C", 3L, "acme/shop/D", 4L));
        assertThat(keys.size()).isEqualTo(3);
        assertThat(store.of(SHOP).size()).as("counted afresh").isEqualTo(3);
    }

    @Test
    void writesNothingForASnapshotThatChangedNothing() {
        LiveKeyStore.SourceKeys keys = store.of(SHOP);
        Map<String, Long> listed = mapOf("acme/shop/A", 1L, "acme/shop/B", null, "acme/shop/C", 3L);
        assertThat(keys.update(true, KeyFingerprintMaps.of(SHOP, listed), true)).isTrue();

        Map<String, Long> unchanged = mapOf("acme/shop/A", 1L, "acme/shop/B", null, "acme/shop/C", null);
        assertThat(keys.update(true, KeyFingerprintMaps.of(SHOP, unchanged), true))
                .isFalse();
        assertThat(keys.update(false, KeyFingerprintMaps.of(SHOP, Map.of("acme/shop/C", 3L)), true))
                .isFalse();
        assertThat(keys.update(false, KeyFingerprintMaps.of(SHOP, Map.of("acme/shop/C", 4L)), true))
                .isTrue();
    }

    @Test
    void forgetsOneFingerprintOrAllOfThem() {
        LiveKeyStore.SourceKeys keys = store.of(SHOP);
        keys.update(true, KeyFingerprintMaps.of(SHOP, Map.of("acme/shop/A", 1L, "acme/shop/B", 2L)), true);

        assertThat(keys.forget("acme/shop/A")).isTrue();
        assertThat(keys.forget("acme/shop/A")).as("already unknown").isFalse();
        assertThat(keys.forget("acme/shop/X")).as("absent").isFalse();
        assertThat(keys.fingerprints(List.of("acme/shop/A", "acme/shop/B", "acme/shop/X")))
                .containsExactly(OptionalLong.empty(), OptionalLong.of(2L), OptionalLong.empty());
        assertThat(keys.fingerprints(List.of())).isEmpty();

        keys.forgetAll();

        assertThat(asMap(keys)).isEqualTo(mapOf("acme/shop/A", null, "acme/shop/B", null));
    }

    @Test
    void walksAndUpdatesASourceOfManyChunks() {
        LiveKeyStore.SourceKeys keys = store.of(SHOP);
        Map<String, Long> all = new HashMap<>();
        for (int i = 0; i < 25_000; i++) {
            all.put("acme/shop/SKU-" + i, (long) i);
        }
        keys.update(true, KeyFingerprintMaps.of(SHOP, all), true);
        Map<String, Long> everyThird = new HashMap<>();
        all.forEach((key, fingerprint) -> {
            if (fingerprint % 3 == 0) {
                everyThird.put(key, fingerprint % 2 == 0 ? fingerprint : -fingerprint);
            }
        });
        everyThird.put("acme/shop/NEW", 7L);

        keys.update(true, KeyFingerprintMaps.of(SHOP, everyThird), true);

        assertThat(asMap(keys)).isEqualTo(everyThird);
        assertThat(keys.size()).isEqualTo(everyThird.size());
    }

    @Test
    void failsClearlyOnceClosedAndWhenAnotherPollerHoldsTheDirectory() {
        LiveKeyStore.SourceKeys keys = store.of(SHOP);

        assertThatThrownBy(() -> new LiveKeyStore(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does another poller use this state-dir?");
        store.close();
        assertThatThrownBy(() -> keys.contains("acme/shop/A"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        store.close();
        store = new LiveKeyStore(dir);
    }

    /** Each key with its fingerprint, null where unknown, read through the key set and the lookups. */
    private static Map<String, Long> asMap(LiveKeyStore.SourceKeys keys) {
        Map<String, Long> map = new HashMap<>();
        Set<String> met = new HashSet<>();
        List<String> listed = new ArrayList<>();
        for (String key : keys.keys()) {
            assertThat(met.add(key)).as("%s met twice", key).isTrue();
            listed.add(key);
        }
        List<OptionalLong> fingerprints = keys.fingerprints(listed);
        for (int i = 0; i < listed.size(); i++) {
            map.put(
                    listed.get(i),
                    fingerprints.get(i).isPresent() ? fingerprints.get(i).getAsLong() : null);
        }
        assertThat(keys.keys()).hasSize(map.size());
        return map;
    }

    private static Map<String, Long> mapOf(Object... keysAndFingerprints) {
        Map<String, Long> map = new HashMap<>();
        for (int i = 0; i < keysAndFingerprints.length; i += 2) {
            map.put((String) keysAndFingerprints[i], (Long) keysAndFingerprints[i + 1]);
        }
        return map;
    }
}
