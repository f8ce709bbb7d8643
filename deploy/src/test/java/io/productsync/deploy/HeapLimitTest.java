package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapLimitTest {

    private static final long FOUR_GB = 4_000_000_000L;

    @Test
    void warnsWithTheRunCommandWhenNoArgumentLimitsTheHeap() {
        assertThat(HeapLimit.missing(List.of("-Dfile.encoding=UTF-8"), FOUR_GB))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("up to 4,000 MB of heap")
                        .contains("java -Xmx2g -jar deploy/target/product-sync.jar"));
    }

    @Test
    void saysNothingWhenTheHeapIsLimitedInAnyOfTheJvmsWays() {
        for (String limit : List.of("-Xmx2g", "-XX:MaxHeapSize=2147483648", "-XX:MaxRAMPercentage=25")) {
            assertThat(HeapLimit.missing(List.of("-Dfile.encoding=UTF-8", limit), FOUR_GB))
                    .as(limit)
                    .isEmpty();
        }
    }
}
