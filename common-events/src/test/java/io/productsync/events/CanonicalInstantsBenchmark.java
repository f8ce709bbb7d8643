package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the test suite (surefire runs {@code *Test} classes only); run it with
 * {@code ./mvnw -q -B -o -pl common-events verify -Dtest=CanonicalInstantsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rounds=21}. Writes and reads a {@code CartInventoryObserved} (one
 * instant), a {@code SkuSyncEvaluated} (two) and a bare instant through {@link EventJson#MAPPER}, and as a baseline in
 * the same run through the same mapping with Jackson's own java.time handling of instants, in alternating rounds; prints
 * ns per operation of the fastest and of the median round of each, and their ratios (on a machine shared with other
 * builds the fastest round is the least disturbed one).
 */
@EnabledIfSystemProperty(named = "bench.rounds", matches = "\\d+")
class CanonicalInstantsBenchmark {

    private static final int OPERATIONS_PER_ROUND = 50_000;

    private final JsonMapper jacksons = EventJson.withJacksonsInstants().build();
    private long sink;

    @Test
    void writesAndReadsEventsFasterThanJacksonsOwnInstants() {
        int rounds = Integer.getInteger("bench.rounds");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "%-28s %20s %20s %16s   (%d rounds of %,d)",
                "operation",
                "Jackson ns min/med",
                "canonical ns min/med",
                "ratio min/med",
                rounds,
                OPERATIONS_PER_ROUND));
        lines.add(measure(
                "CartInventoryObserved",
                Fixtures.read("cart-inventory-observed.json", CartInventoryObserved.class),
                rounds));
        lines.add(measure(
                "SkuSyncEvaluated", Fixtures.read("sku-sync-evaluated-updated.json", SkuSyncEvaluated.class), rounds));
        lines.add(measure("Instant", Instant.parse("2026-11-27T09:15:30.125Z"), rounds));
        lines.forEach(System.out::println);
        assertThat(sink).isPositive();
    }

    private String measure(String name, Object event, int rounds) {
        byte[] bytes = EventJson.MAPPER.writeValueAsBytes(event);
        assertThat(bytes).isEqualTo(jacksons.writeValueAsBytes(event));
        assertThat(EventJson.MAPPER.readValue(bytes, event.getClass())).isEqualTo(event);
        long[][] nanos = new long[4][rounds];
        writes(jacksons, event); // warm-up of every path, not counted
        writes(EventJson.MAPPER, event);
        reads(jacksons, bytes, event.getClass());
        reads(EventJson.MAPPER, bytes, event.getClass());
        for (int round = 0; round < rounds; round++) {
            nanos[0][round] = writes(jacksons, event);
            nanos[1][round] = writes(EventJson.MAPPER, event);
            nanos[2][round] = reads(jacksons, bytes, event.getClass());
            nanos[3][round] = reads(EventJson.MAPPER, bytes, event.getClass());
        }
        return row(name + " write", nanos[0], nanos[1])
                + System.lineSeparator()
                + row(name + " read", nanos[2], nanos[3]);
    }

    private long writes(JsonMapper mapper, Object event) {
        long start = System.nanoTime();
        for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
            sink += mapper.writeValueAsBytes(event).length;
        }
        return System.nanoTime() - start;
    }

    private long reads(JsonMapper mapper, byte[] bytes, Class<?> type) {
        long start = System.nanoTime();
        for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
            sink += mapper.readValue(bytes, type).hashCode() & 1;
        }
        return System.nanoTime() - start;
    }

    private static String row(String operation, long[] jacksonsNanos, long[] canonicalNanos) {
        long[] jacksons = sorted(jacksonsNanos);
        long[] canonical = sorted(canonicalNanos);
        int median = jacksons.length / 2;
        return String.format(
                "%-28s %9.1f /%9.1f %9.1f /%9.1f %7.2fx /%6.2fx",
                operation,
                perOperation(jacksons[0]),
                perOperation(jacksons[median]),
                perOperation(canonical[0]),
                perOperation(canonical[median]),
                (double) jacksons[0] / canonical[0],
                (double) jacksons[median] / canonical[median]);
    }

    private static long[] sorted(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double perOperation(long nanos) {
        return (double) nanos / OPERATIONS_PER_ROUND;
    }
}
