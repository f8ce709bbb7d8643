package io.productsync.poller.snapshot;

import static io.productsync.poller.snapshot.KeyFingerprintMaps.asMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.CartKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {

    private static final SourceId SHOP = SourceId.cart(new CartKey("demo", "demo-shop"));
    private static final String PREFIX = "demo/demo-shop/";

    @Test
    void tellsAKnownFingerprintFromAnUnknownOneAndFromAnAbsentKey() {
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        keys.put(PREFIX + "A", 7L);
        keys.putUnknown(PREFIX + "B");

        assertThat(keys.fingerprint(PREFIX + "A")).hasValue(7L);
        assertThat(keys.contains(PREFIX + "B")).isTrue();
        assertThat(keys.fingerprint(PREFIX + "B")).isEmpty();
        assertThat(keys.contains(PREFIX + "C")).isFalse();
        assertThat(keys.fingerprint(PREFIX + "C")).isEmpty();
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.keys()).containsExactlyInAnyOrder(PREFIX + "A", PREFIX + "B");
    }

    @Test
    void takesEverySixtyFourBitValueAsAFingerprintNoneMeaningUnknown() {
        long[] values = {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE};
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        for (int i = 0; i < values.length; i++) {
            keys.put(PREFIX + i, values[i]);
        }

        for (int i = 0; i < values.length; i++) {
            assertThat(keys.fingerprint(PREFIX + i)).hasValue(values[i]);
        }
    }

    @Test
    void saysWhetherAWriteChangedAnything() {
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        assertThat(keys.put(PREFIX + "A", 1L)).as("new").isTrue();
        assertThat(keys.put(PREFIX + "A", 1L)).as("the same").isFalse();
        assertThat(keys.put(PREFIX + "A", 2L)).as("another").isTrue();
        assertThat(keys.putUnknownIfAbsent(PREFIX + "A")).isFalse();
        assertThat(keys.fingerprint(PREFIX + "A")).as("kept").hasValue(2L);

        keys.putUnknown(PREFIX + "A");
        assertThat(keys.fingerprint(PREFIX + "A")).isEmpty();
        assertThat(keys.put(PREFIX + "A", 2L)).as("was unknown").isTrue();

        assertThat(keys.putUnknownIfAbsent(PREFIX + "B")).isTrue();
        assertThat(keys.putUnknownIfAbsent(PREFIX + "B")).isFalse();
        assertThat(asMap(keys)).containsEntry(PREFIX + "A", 2L).containsEntry(PREFIX + "B", null);
    }

    @Test
    void tellsApartKeysWhoseWholeHashIsEqual() {
        Map<Integer, String> byHash = new HashMap<>();
        String first = null;
        String second = null;
        for (int i = 0; second == null; i++) {
            String sku = "SKU-" + i;
            first = byHash.putIfAbsent(hash(sku), sku);
            second = first == null ? null : sku;
        }
        KeyFingerprints keys = new KeyFingerprints(SHOP);

        keys.put(PREFIX + first, 1L);
        assertThat(keys.contains(PREFIX + second)).isFalse();
        keys.put(PREFIX + second, 2L);

        assertThat(keys.fingerprint(PREFIX + first)).hasValue(1L);
        assertThat(keys.fingerprint(PREFIX + second)).hasValue(2L);
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void findsEachOfManyKeysThatStartAtTheSameSlot() {
        // The same low 10 bits: one slot to start from in every table of up to 1,024 slots, so one long probe run.
        List<String> sameSlot = new ArrayList<>();
        for (int i = 0; sameSlot.size() < 40; i++) {
            if ((hash("SKU-" + i) & 1023) == 0) {
                sameSlot.add(PREFIX + "SKU-" + i);
            }
        }
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        for (int i = 0; i < 20; i++) {
            keys.put(sameSlot.get(i), i);
        }

        for (int i = 0; i < 40; i++) {
            assertThat(keys.fingerprint(sameSlot.get(i)))
                    .as(sameSlot.get(i))
                    .isEqualTo(i < 20 ? OptionalLong.of(i) : OptionalLong.empty());
        }
        for (int i = 0; i < 40; i++) {
            assertThat(keys.contains(sameSlot.get(i))).as(sameSlot.get(i)).isEqualTo(i < 20);
        }
    }

    @Test
    void growsPastManyResizesAndKeepsEveryKeyAndFingerprint() {
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        Map<String, Long> model = new HashMap<>();
        Random random = new Random(200_000);
        for (int i = 0; i < 200_000; i++) {
            // Now and then a long SKU (its length in two bytes), some of them not ASCII, 2.4 MB in all.
            String sku = i % 97 == 0 ? "Größe-".repeat(i % 2 == 0 ? 20 : 40) + i : "SKU-%07d".formatted(i);
            String key = PREFIX + sku;
            Long fingerprint = i % 10 == 0 ? null : random.nextLong();
            model.put(key, fingerprint);
            if (fingerprint == null) {
                keys.putUnknown(key);
            } else {
                keys.put(key, fingerprint);
            }
        }
        assertThat(keys.size()).isEqualTo(200_000);
        assertThat(keys.contains(PREFIX + "SKU-0200000")).isFalse();
        assertHoldsExactly(keys, model);

        for (int i = 0; i < 200_000; i += 7) {
            String key = PREFIX + "SKU-%07d".formatted(i);
            model.put(key, (long) i);
            keys.put(key, i);
        }
        assertHoldsExactly(keys, model);
    }

    /** Every key of the model found with its fingerprint, and nothing more. */
    private static void assertHoldsExactly(KeyFingerprints keys, Map<String, Long> model) {
        assertThat(model.keySet())
                .filteredOn(key -> !Objects.equals(fingerprintOrNull(keys, key), model.get(key)))
                .isEmpty();
        assertThat(asMap(keys)).isEqualTo(model);
    }

    @Test
    void behavesAsAHashMapThroughARandomSequenceOfOperations() {
        Random random = new Random(42);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            pool.add(PREFIX + (i % 10 == 0 ? "Größe-" + i + "-😀" : i % 25 == 1 ? "L".repeat(130) + i : "SKU-" + i));
        }
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        Map<String, Long> model = new HashMap<>();

        for (int op = 0; op < 100_000; op++) {
            String key = pool.get(random.nextInt(pool.size()));
            // Few distinct fingerprints, so the same one is written again now and then.
            long fingerprint = random.nextInt(4) - 2;
            int choice = random.nextInt(1000);
            if (choice < 300) {
                boolean changed = !model.containsKey(key) || !Objects.equals(model.get(key), fingerprint);
                model.put(key, fingerprint);
                assertThat(keys.put(key, fingerprint)).as("op %d put", op).isEqualTo(changed);
            } else if (choice < 450) {
                model.put(key, null);
                keys.putUnknown(key);
            } else if (choice < 600) {
                boolean added = !model.containsKey(key);
                model.putIfAbsent(key, null);
                assertThat(keys.putUnknownIfAbsent(key)).as("op %d", op).isEqualTo(added);
            } else if (choice < 850) {
                assertThat(fingerprintOrNull(keys, key)).as("op %d get", op).isEqualTo(model.get(key));
            } else {
                assertThat(keys.contains(key)).as("op %d", op).isEqualTo(model.containsKey(key));
                assertThat(keys.keys().contains(key)).isEqualTo(model.containsKey(key));
            }
            assertThat(keys.size()).isEqualTo(model.size());
            if (op % 5000 == 0) {
                assertThat(asMap(keys)).isEqualTo(model);
            }
        }
        assertThat(asMap(keys)).isEqualTo(model);
        assertThat(keys.keys()).containsExactlyInAnyOrderElementsOf(model.keySet());
    }

    @Test
    void storesSkusAsUtf8AndGivesBackEveryStringExactlyLoneSurrogatesToo() {
        List<String> skus =
                List.of("Größe-Ü", "日本-😀", "\uD83D\uDE00", "é", "\uD800", "\uDC00x", "a\uD83D", "a?", "?", "\uFFFD");
        assertThat(SkuBytes.encode(PREFIX + "日本-😀", PREFIX.length()))
                .isEqualTo("日本-😀".getBytes(StandardCharsets.UTF_8));
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        for (int i = 0; i < skus.size(); i++) {
            keys.put(PREFIX + skus.get(i), i);
        }

        assertThat(keys.size()).isEqualTo(skus.size());
        for (int i = 0; i < skus.size(); i++) {
            assertThat(keys.fingerprint(PREFIX + skus.get(i))).hasValue(i);
        }
        assertThat(keys.keys())
                .containsExactlyInAnyOrderElementsOf(
                        skus.stream().map(sku -> PREFIX + sku).toList());
    }

    @Test
    void refusesAKeyOfAnotherSourceAndFindsNoneThere() {
        KeyFingerprints keys = new KeyFingerprints(SHOP);
        for (String foreign : List.of("demo/other-shop/A", "demo/demo-shopA", "demo/demo-shop", "demo/A")) {
            assertThatThrownBy(() -> keys.put(foreign, 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + foreign + "' is not a key of cart demo/demo-shop (demo/demo-shop/...)");
            assertThatThrownBy(() -> keys.putUnknown(foreign)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> keys.putUnknownIfAbsent(foreign)).isInstanceOf(IllegalArgumentException.class);
            assertThat(keys.contains(foreign)).isFalse();
            assertThat(keys.fingerprint(foreign)).isEmpty();
        }
        assertThat(keys.isEmpty()).isTrue();
    }

    private static Long fingerprintOrNull(KeyFingerprints keys, String key) {
        OptionalLong fingerprint = keys.fingerprint(key);
        return fingerprint.isPresent() ? fingerprint.getAsLong() : null;
    }

    private static int hash(String sku) {
        byte[] bytes = sku.getBytes(StandardCharsets.UTF_8);
        return SkuBytes.hash(bytes, 0, bytes.length);
    }
}
