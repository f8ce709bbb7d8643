package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the test suite (surefire runs {@code *Test} classes only); run it with
 * {@code ./mvnw -q -B -pl inventory-poller verify -Dtest=SandboxSnapshotBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code inventory-poller/target/sandbox-snapshot-benchmark.txt}. Lists a 100,000-row cart file (one SKU on two
 * rows) in pages of 1,000 through {@link SandboxFile}, and as a baseline page by page each read from the start of the
 * file (what every page cost before a listing kept the file open). Both must list the same SKUs.
 */
class SandboxSnapshotBenchmark {

    private static final int ROWS = 100_000;
    private static final int PAGE = 1000;

    @TempDir
    Path dir;

    @Test
    void listsAHundredThousandRowCart() throws IOException {
        StringBuilder csv = new StringBuilder("sku,inventory_tracked,product_active,quantity\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("SKU-%06d".formatted(i))
                    .append(",true,true,")
                    .append(i % 50)
                    .append('\n');
        }
        csv.append("SKU-000007,true,true,1\n");
        Path file = Files.writeString(dir.resolve("shop.csv"), csv);
        List<String> lines = new ArrayList<>();
        lines.add("Sandbox snapshot of a 100,001-row cart file in pages of 1,000; machine shared with other builds");
        lines.add(String.format("%-40s %8s %9s", "path", "items", "wall ms"));
        // Warm-up of both paths, not counted.
        listThroughSandboxFile(file);
        listFromTheStartEveryPage(file);
        lines.add(timed("every page read from the start (before)", () -> listFromTheStartEveryPage(file)));
        lines.add(timed("one listing, the file kept open (after)", () -> listThroughSandboxFile(file)));
        Path report = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-snapshot-benchmark.txt");
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    interface Listing {
        List<CartItem> run() throws IOException;
    }

    private static String timed(String path, Listing listing) throws IOException {
        long start = System.nanoTime();
        List<CartItem> items = listing.run();
        long nanos = System.nanoTime() - start;
        assertThat(items).hasSize(ROWS);
        assertThat(items.get(7).listings()).isEqualTo(2);
        return String.format("%-40s %8d %9.0f", path, items.size(), nanos / 1e6);
    }

    private static List<CartItem> listThroughSandboxFile(Path file) {
        SandboxFile<CartItem> sandbox = new SandboxFile<>(file, InventoryCsv.CART, new FileLocks(), PAGE);
        List<CartItem> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<CartItem> page = sandbox.readPage(cursor);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }

    private static List<CartItem> listFromTheStartEveryPage(Path file) throws IOException {
        List<CartItem> items = new ArrayList<>();
        int from = 0;
        while (from >= 0) {
            InventoryCsv.Slice<CartItem> slice = InventoryCsv.CART.read(file, from, PAGE);
            items.addAll(slice.items());
            from = slice.next();
        }
        return items;
    }
}
