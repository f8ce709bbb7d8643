package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (surefire runs {@code *Test} classes only); run it with
 * {@code ./mvnw -q -B -o -pl common-events,inventory-poller verify -Dtest=LiveKeysFootprintBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} and read {@code inventory-poller/target/live-keys-footprint.txt}. Holds
 * 1,000,000 keys {@code demo/demo-shop/SKU-%07d}, each with a random fingerprint (a tenth unknown), in a
 * {@code HashMap<String, Long>} (what a snapshot's seen keys were) and in {@link KeyFingerprints},
 * both kept reachable, and prints for each the heap it retains (heap used after full GCs, before and after building,
 * the key Strings made on the way included), then the median of 5 rounds of: building it, and looking up every key
 * once (Strings made beforehand, not timed).
 */
class LiveKeysFootprintBenchmark {

    private static final int KEYS = 1_000_000;
    private static final int ROUNDS = 5;
    private static final SourceId SHOP = SourceId.cart(new CartKey("demo", "demo-shop"));

    interface Structure<T> {
        T build();

        /** A checksum of the fingerprints found (unknown and absent count as 1), the same for every structure. */
        long lookUpAll(T keys, String[] lookups);
    }

    private static final Structure<Map<String, Long>> HASH_MAP = new Structure<>() {
        @Override
        public Map<String, Long> build() {
            Random random = new Random(KEYS);
            Map<String, Long> keys = new HashMap<>();
            for (int i = 0; i < KEYS; i++) {
                long fingerprint = random.nextLong();
                keys.put(key(i), i % 10 == 0 ? null : fingerprint);
            }
            return keys;
        }

        @Override
        public long lookUpAll(Map<String, Long> keys, String[] lookups) {
            long found = 0;
            for (String key : lookups) {
                Long fingerprint = keys.get(key);
                found += fingerprint == null ? 1 : fingerprint & 1;
            }
            return found;
        }
    };

    private static final Structure<KeyFingerprints> KEY_FINGERPRINTS = new Structure<>() {
        @Override
        public KeyFingerprints build() {
            Random random = new Random(KEYS);
            KeyFingerprints keys = new KeyFingerprints(SHOP);
            for (int i = 0; i < KEYS; i++) {
                long fingerprint = random.nextLong();
                if (i % 10 == 0) {
                    keys.putUnknown(key(i));
                } else {
                    keys.put(key(i), fingerprint);
                }
            }
            return keys;
        }

        @Override
        public long lookUpAll(KeyFingerprints keys, String[] lookups) {
            long found = 0;
            for (String key : lookups) {
                found += keys.fingerprint(key).orElse(1) & 1;
            }
            return found;
        }
    };

    @Test
    void holdsAMillionKeysWithTheirFingerprints() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("1,000,000 live keys demo/demo-shop/SKU-%07d with a fingerprint each (a tenth unknown); "
                + Runtime.version() + ", " + collectors() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; machine shared with other builds");
        lines.add("Retained heap after full GCs, both kept reachable; times: median of " + ROUNDS + " rounds");
        lines.add(String.format(
                "| %-21s | %11s | %19s | %8s | %9s |",
                "structure", "bytes a key", "MB for 1,000,000 keys", "build ms", "lookup ms"));
        lines.add("|---|---|---|---|---|");

        long before = usedHeapAfterGc();
        Map<String, Long> hashMap = HASH_MAP.build();
        long afterHashMap = usedHeapAfterGc();
        KeyFingerprints fingerprints = KEY_FINGERPRINTS.build();
        long afterFingerprints = usedHeapAfterGc();
        assertThat(KeyFingerprintMaps.asMap(fingerprints)).isEqualTo(hashMap);
        double hashMapBytes = (afterHashMap - before) / (double) KEYS;
        double fingerprintBytes = (afterFingerprints - afterHashMap) / (double) KEYS;
        hashMap = null;
        fingerprints = null;

        String[] lookups = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            lookups[i] = key(i);
        }
        long[] checksums = new long[2];
        lines.add(row("HashMap<String, Long>", hashMapBytes, HASH_MAP, lookups, checksums, 0));
        lines.add(row("KeyFingerprints", fingerprintBytes, KEY_FINGERPRINTS, lookups, checksums, 1));
        assertThat(checksums[1]).as("the same fingerprints found").isEqualTo(checksums[0]);

        Path report = Path.of(System.getProperty("java.io.tmpdir"), "live-keys-footprint.txt");
        Files.write(report, lines);
        lines.forEach(System.out::println);
        assertThat(fingerprintBytes).isLessThan(hashMapBytes);
    }

    /** Times of {@link #ROUNDS} rounds on fresh instances; the lookups' checksum goes to {@code checksums[index]}. */
    private static <T> String row(
            String name, double bytesAKey, Structure<T> structure, String[] lookups, long[] checksums, int index) {
        long[] build = new long[ROUNDS];
        long[] lookup = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            usedHeapAfterGc();
            T keys = timed(structure::build, build, round);
            checksums[index] = timed(() -> structure.lookUpAll(keys, lookups), lookup, round);
        }
        return String.format(
                "| %-21s | %11.1f | %21.0f | %8d | %9d |",
                name, bytesAKey, bytesAKey * KEYS / 1e6, median(build), median(lookup));
    }

    private static <R> R timed(Supplier<R> work, long[] millis, int round) {
        long start = System.nanoTime();
        R result = work.get();
        millis[round] = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String key(int i) {
        String digits = Integer.toString(i);
        return "demo/demo-shop/SKU-" + "0000000".substring(digits.length()) + digits;
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Until a full GC frees nothing more (finalizers and reference processing can take a second one).
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("/"));
    }
}
