package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A catalog as the sandbox's files: the cart, its WMS and the cart's settings (its WMS and poll interval). */
final class SandboxCatalog {

    private final Path tenantDir;
    private final BenchCatalog catalog;

    SandboxCatalog(Path sandboxDir, BenchCatalog catalog) {
        this.tenantDir = sandboxDir.resolve(catalog.tenant());
        this.catalog = catalog;
    }

    void write(Duration pollInterval) {
        writeAtomically(cartFile(), csv(BenchCatalog.CART_CSV_HEADER, catalog::cartCsvLine));
        writeAtomically(
                tenantDir.resolve("wms").resolve(catalog.wms() + ".csv"),
                csv(BenchCatalog.WMS_CSV_HEADER, catalog::wmsCsvLine));
        pollEvery(pollInterval);
    }

    /** The cart's settings: its WMS, and how often both are polled (from the last poll on, when changed). */
    void pollEvery(Duration pollInterval) {
        writeAtomically(
                tenantDir.resolve("carts").resolve(catalog.cart() + ".properties"),
                "wms=" + catalog.wms() + "\npoll-interval=" + pollInterval.toSeconds() + "s\n");
    }

    private Path cartFile() {
        return tenantDir.resolve("carts").resolve(catalog.cart() + ".csv");
    }

    private String csv(String header, IntFunction<String> line) {
        return IntStream.range(0, catalog.size()).mapToObj(line).collect(Collectors.joining("\n", header + "\n", "\n"));
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".bench");
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
