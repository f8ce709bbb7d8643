package io.productsync.deploy;

import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * B2: sync-results into PostgreSQL through the report's own listener (results put on the topic, rows counted in the
 * table), new rows and then the same rows updated, against {@link CopyMerge} of the same rows into the same table
 * under another tenant. Busy is from the first row seen to the last.
 */
final class ReadModelWrites {

    private static final Instant FIRST = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-27T11:00:00Z");

    private final BenchKafka kafka;
    private final BenchProgress progress;
    private final BenchTable table;
    private final BenchSystem system;
    private final TableRows rows;

    ReadModelWrites(BenchSystem system, BenchKafka kafka, BenchProgress progress, BenchTable table) {
        this.system = system;
        this.kafka = kafka;
        this.progress = progress;
        this.table = table;
        this.rows = new TableRows(system.jdbc());
    }

    /** Runs B2; the listener's cart keeps its {@code size} rows (B5 pages through them). */
    void run(BenchCatalog listener, BenchCatalog baseline) throws Exception {
        int size = listener.size();
        double newRows = throughListener(listener, 0, FIRST, "B2 listener, new rows");
        double updatedRows = throughListener(listener, 1, SECOND, "B2 listener, updating rows");

        progress.step("B2 baseline: COPY + INSERT ... ON CONFLICT", () -> "writing");
        double newBaseline;
        double updatedBaseline;
        try (Connection connection = system.jdbc()) {
            CopyMerge copyMerge = new CopyMerge(connection);
            newBaseline = timed(() -> copyMerge.write(results(baseline, 0, FIRST)), size);
            updatedBaseline = timed(() -> copyMerge.write(results(baseline, 1, SECOND)), size);
        }

        String what = "sync-results into PostgreSQL, rows/s (%,d results), ".formatted(size);
        table.compare("B2", what + "new", newRows, newBaseline, "rows/s", ">= 0.8x");
        table.compare("B2", what + "updating", updatedRows, updatedBaseline, "rows/s", ">= 0.8x");
        check(listener);
        check(baseline);
    }

    private double throughListener(BenchCatalog catalog, long bump, Instant at, String step) {
        AtomicLong written = new AtomicLong();
        progress.step(step, () -> "%,d of %,d rows written".formatted(written.get(), catalog.size()));
        Thread sender = new Thread(() -> {
            results(catalog, bump, at)
                    .forEach(r -> kafka.send(Topics.SYNC_RESULTS, r.key().value(), r));
            kafka.flush();
        });
        sender.start();
        long first = 0;
        while (true) {
            long now = System.nanoTime();
            written.set(rows.count(catalog.tenant(), catalog.cart(), "evaluated_at = ?", at));
            if (first == 0 && written.get() > 0) {
                first = now;
            }
            if (written.get() >= catalog.size()) {
                double seconds = (now - first) / 1e9;
                progress.say("%s: %,d rows in %.1f s busy".formatted(step, catalog.size(), seconds));
                return catalog.size() / seconds;
            }
            Pause.briefly(200);
        }
    }

    private static List<SkuSyncEvaluated> results(BenchCatalog catalog, long bump, Instant at) {
        return IntStream.range(0, catalog.size())
                .mapToObj(i -> catalog.verified(i, bump, at))
                .toList();
    }

    private double timed(Work work, int rowsWritten) throws Exception {
        long started = System.nanoTime();
        work.run();
        return rowsWritten / ((System.nanoTime() - started) / 1e9);
    }

    private interface Work {
        void run() throws Exception;
    }

    private void check(BenchCatalog catalog) {
        String differences = SyncRow.differences(
                rows.rows(catalog.tenant(), catalog.cart()),
                catalog.size(),
                i -> SyncRow.of(catalog.verified(i, 1, SECOND)));
        long datesMoved = rows.count(
                catalog.tenant(), catalog.cart(), "last_cart_sync_date = ? AND outcome = 'VERIFIED'", SECOND);
        if (differences == null && datesMoved != catalog.size()) {
            differences = "%,d rows without the latest sync date".formatted(catalog.size() - datesMoved);
        }
        table.note("B2 check (%s/%s): every row against the last result sent: %s"
                .formatted(
                        catalog.tenant(),
                        catalog.cart(),
                        differences == null
                                ? "all %,d as expected (%s, newest sync date)"
                                        .formatted(catalog.size(), SyncOutcome.VERIFIED)
                                : "FAILED: " + differences));
    }
}
