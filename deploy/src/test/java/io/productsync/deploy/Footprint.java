package io.productsync.deploy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * B6's samples: heap after a full GC and resident memory of this JVM (broker, services and benchmark share it, as in
 * the launcher), and the matcher's state on disk.
 */
final class Footprint {

    /** {@code classes}: live bytes and instances by class, from the JVM's class histogram (which collects first). */
    record Sample(double heapMb, double rssMb, double stateMb, Map<String, long[]> classes) {}

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private final BenchSystem system;

    Footprint(BenchSystem system) {
        this.system = system;
    }

    Sample sample() {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        return new Sample(heap, residentMb(), BenchSystem.bytesUnder(system.matcherStateDir()) / 1e6, classes());
    }

    private static Map<String, long[]> classes() {
        Map<String, long[]> classes = new HashMap<>();
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {null},
                            new String[] {String[].class.getName()});
            for (String line : histogram.split("\n")) {
                Matcher row = HISTOGRAM_LINE.matcher(line);
                if (row.matches()) {
                    classes.put(row.group(3), new long[] {Long.parseLong(row.group(2)), Long.parseLong(row.group(1))});
                }
            }
        } catch (Exception e) {
            // no histogram on this JVM: the table says so
        }
        return classes;
    }

    /** The classes whose live bytes grew most from one sample to the other: where the heap's growth is. */
    private static String grewMost(Sample from, Sample to) {
        if (from.classes().isEmpty() || to.classes().isEmpty()) {
            return "no class histogram on this JVM";
        }
        return to.classes().entrySet().stream()
                .map(entry -> {
                    long[] before = from.classes().getOrDefault(entry.getKey(), new long[2]);
                    return Map.entry(
                            entry.getKey(),
                            new long[] {entry.getValue()[0] - before[0], entry.getValue()[1] - before[1]});
                })
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> entry.getValue()[0])
                        .reversed())
                .limit(6)
                .map(entry ->
                        "%s %+.1f MB (%+,d)".formatted(entry.getKey(), entry.getValue()[0] / 1e6, entry.getValue()[1]))
                .collect(Collectors.joining(", "));
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
        table.note("B6 live heap that grew most" + sizes + ", by class: " + grewMost(atSmall, atLarge));
    }
}
