package io.productsync.deploy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * B6's samples: heap after a full GC and resident memory of this JVM (broker, services and benchmark share it, as in
 * the launcher), and the matcher's state on disk.
 */
final class Footprint {

    record Sample(double heapMb, double rssMb, double stateMb) {}

    private final BenchSystem system;

    Footprint(BenchSystem system) {
        this.system = system;
    }

    Sample sample() {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        return new Sample(heap, residentMb(), BenchSystem.bytesUnder(system.matcherStateDir()) / 1e6);
    }

    static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / 1e6;
    }

    private static double residentMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToDouble(kb -> Long.parseLong(kb) / 1e3)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    void report(BenchTable table, String small, Sample atSmall, String large, Sample atLarge) {
        String sizes = " (%s -> %s)".formatted(small, large);
        table.compare("B6", "heap after GC, whole JVM" + sizes, atLarge.heapMb(), atSmall.heapMb(), "MB", "flat");
        table.compare("B6", "matcher state on disk" + sizes, atLarge.stateMb(), atSmall.stateMb(), "MB", "bounded");
        table.compare("B6", "resident memory of the JVM" + sizes, atLarge.rssMb(), atSmall.rssMb(), "MB", "flat");
    }
}
