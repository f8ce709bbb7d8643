package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 7's goals B1-B6, each next to its baseline, on one broker and one database (the launcher's own,
 * {@link LocalKafka} and {@link LocalPostgres}) in one run; every goal ends by checking its output against the rules.
 * Only the services' public entry points are used: their application builders, topics, HTTP API and tables. Run by
 * command only (the name keeps it out of {@code ./mvnw verify}, which compiles it):
 *
 * <pre>
 * ./mvnw -q -B -pl deploy -am verify -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.skus=50000
 * </pre>
 *
 * {@code bench.skus} SKUs per cart (B1's cart and WMS, B2/B5's table, B3's sandbox cart); B4's sandbox cart has
 * {@code bench.b4.skus} (default the smaller of that and 10,000) and gets {@code bench.b4.rate} WMS changes a second
 * (100) for {@code bench.b4.seconds} (30); B6's disk run polls a cart of {@code bench.b6.skus} (the smaller of that and
 * 100,000) every second for {@code bench.b6.cycles} (300) unchanged cycles, segments rolled every
 * {@code bench.b6.segment-seconds} (30) instead of hourly; sandbox carts are polled every {@code bench.poll-seconds} (default 30 s
 * plus 1 s per 1,000 SKUs, at least 60). The table goes to the console and
 * {@code deploy/target/benchmarks/scale.txt}; a line of progress every 5 s.
 */
@EnabledIfSystemProperty(named = "bench.skus", matches = "\\d+")
class ScaleBenchmark {

    private static final Path OUT = Path.of("target", "benchmarks");

    @Test
    void measuresTheScaleGoalsAgainstTheirBaselines() throws Exception {
        int skus = Integer.getInteger("bench.skus");
        // Long enough for one unchanged cycle to finish before the next starts (B3 counts the records of one).
        Duration pollInterval = Duration.ofSeconds(Long.getLong("bench.poll-seconds", Math.max(60, skus / 1000 + 30)));
        BenchCatalog matcherInput = new BenchCatalog("bench-b1", "shop", "main", skus);
        BenchCatalog listed = new BenchCatalog("bench-b2", "shop", "main", skus);
        BenchCatalog copied = new BenchCatalog("bench-b2-copy", "shop", "main", skus);
        BenchCatalog sandbox = new BenchCatalog("bench-b3", "shop", "main", skus);
        // The sandbox applies each push by rewriting the cart's file: B4's cart is kept small.
        BenchCatalog pushed = new BenchCatalog(
                "bench-b4", "shop", "main", Integer.getInteger("bench.b4.skus", Math.min(skus, 10_000)));
        int changesPerSecond = Integer.getInteger("bench.b4.rate", 100);
        int changeSeconds = Integer.getInteger("bench.b4.seconds", 30);
        BenchTable table = new BenchTable();
        long started = System.nanoTime();

        try (BenchProgress progress = new BenchProgress();
                BenchSystem system = BenchSystem.start(OUT.resolve("data"));
                BenchKafka kafka = new BenchKafka(system.bootstrapServers())) {
            progress.step("declaring the topics: the report and the poller start once", () -> "");
            system.services(Set.of(ProductSyncServices.REPORT, ProductSyncServices.POLLER), pollInterval)
                    .close();
            Footprint footprint = new Footprint(system);
            FullCycle cycle = new FullCycle(system, kafka, progress, table);
            SandboxCatalog sandboxFiles = new SandboxCatalog(system.sandboxDir(), sandbox);
            sandboxFiles.write(pollInterval);

            try (ProductSyncServices matcher =
                    new MatcherThroughput(system, kafka, progress, table).run(matcherInput)) {
                try (ProductSyncServices report = system.services(Set.of(ProductSyncServices.REPORT), pollInterval)) {
                    progress.step("the report reads B1's results", () -> "");
                    Pause.until(Duration.ofMinutes(10), () -> kafka.servicesCaughtUp() ? null : "reading");
                    new ReadModelWrites(system, kafka, progress, table).run(listed, copied);
                    new ApiPages(system, progress, table).run(listed, report.reportPort());
                    try (ProductSyncServices poller =
                            system.services(Set.of(ProductSyncServices.POLLER), pollInterval)) {
                        // Every service up, as at the second sample: only the catalog differs between the two.
                        Footprint.Sample atOneCatalog = footprint.sample();
                        cycle.run(sandbox);
                        // B3's cart is polled no more, so that B4 measures its changes and not B3's next cycles.
                        sandboxFiles.pollEvery(Duration.ofHours(1));
                        // Written now, so that B3's cycle counts the records of its own cart alone.
                        // Polled once an hour: B4's changes come as a connector's webhook would send them.
                        new SandboxCatalog(system.sandboxDir(), pushed).write(Duration.ofHours(1));
                        if (cycle.firstCycle("B4", pushed)) {
                            new PushLatency(system, kafka, progress, table)
                                    .run(pushed, changesPerSecond, changeSeconds);
                        } else {
                            table.notMeasured(
                                    "B4",
                                    "WMS change -> push p99 / -> synced in the table p99 at a steady rate",
                                    "<= 300 ms / <= 1 s at 5,000/s",
                                    "B4's cart did not converge");
                        }
                        footprint.report(
                                table,
                                "%,d cart SKUs".formatted(skus),
                                atOneCatalog,
                                "%,d".formatted(2 * skus),
                                footprint.sample());
                        BenchCatalog steady = new BenchCatalog(
                                "bench-b6",
                                "shop",
                                "main",
                                Integer.getInteger("bench.b6.skus", Math.min(skus, 100_000)));
                        // After the footprint, which counts the SKUs of B1 and B3 only.
                        SandboxCatalog steadyFiles = new SandboxCatalog(system.sandboxDir(), steady);
                        // Polled every second only once converged: the services are never all caught up at 1 s polls.
                        steadyFiles.write(Duration.ofHours(1));
                        if (cycle.firstCycle("B6", steady)) {
                            steadyFiles.pollEvery(Duration.ofSeconds(1));
                            new DiskOverCycles(system, kafka, progress, table)
                                    .run(
                                            steady,
                                            Integer.getInteger("bench.b6.cycles", 300),
                                            Duration.ofSeconds(Long.getLong("bench.b6.segment-seconds", 30)));
                        } else {
                            table.notMeasured(
                                    "B6",
                                    "Kafka disk over many unchanged cycles",
                                    "flat",
                                    "B6's cart did not converge");
                        }
                        steadyFiles.pollEvery(Duration.ofHours(1));
                    }
                }
            }
            table.note(("B6 matcher state on disk after it closed: %.0f MB. While it runs, Streams keeps RocksDB's"
                            + " memtables unflushed (no WAL), so the running figures above count only flushed files;"
                            + " the memtables are off the heap, in the resident memory")
                    .formatted(BenchSystem.bytesUnder(system.matcherStateDir()) / 1e6));
            progress.say("done");
        }

        String heading = "Scale benchmark, %s, %,d SKUs per cart, %d partitions, heap limit %.0f MB, %.0f min"
                .formatted(
                        Instant.now().truncatedTo(ChronoUnit.MINUTES),
                        skus,
                        BenchSystem.PARTITIONS,
                        Footprint.maxHeapMb(),
                        (System.nanoTime() - started) / 60e9);
        String rendered = table.render(heading);
        table.write(OUT.resolve("scale.txt"), rendered);
        System.out.println(rendered);
        assertThat(rendered).as("every goal's check").doesNotContain("FAILED");
    }
}
