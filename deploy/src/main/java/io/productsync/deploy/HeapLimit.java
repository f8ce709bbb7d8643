package io.productsync.deploy;

import java.util.List;
import java.util.Optional;

/**
 * Whether the launcher's JVM was given a heap limit. Without one it may grow its heap to a quarter of the machine's
 * memory (a 100,000-SKU load once took it to 5.8 GB resident), so a start without one is warned about.
 */
final class HeapLimit {

    static final String RUN_COMMAND = "java -Xmx2g -jar deploy/target/product-sync.jar";

    private static final List<String> LIMITS =
            List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAM=", "-XX:MaxRAMPercentage=", "-XX:MaxRAMFraction=");

    private HeapLimit() {}

    /** The warning to log, if none of {@code jvmArguments} limits the heap ({@code maxHeap}: what the JVM allows). */
    static Optional<String> missing(List<String> jvmArguments, long maxHeap) {
        boolean limited =
                jvmArguments.stream().anyMatch(argument -> LIMITS.stream().anyMatch(argument::startsWith));
        return limited
                ? Optional.empty()
                : Optional.of(("No heap limit is set: this JVM may take up to %,d MB of heap. Start the launcher with"
                                + " one, as in: %s")
                        .formatted(maxHeap / 1_000_000, RUN_COMMAND));
    }
}
