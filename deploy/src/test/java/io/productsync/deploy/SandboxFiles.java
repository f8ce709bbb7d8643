package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Edits and reads sandbox CSV files the way a user would, by hand. */
final class SandboxFiles {

    private SandboxFiles() {}

    static Path cart(Path sandbox, String tenant, String cart) {
        return sandbox.resolve(tenant).resolve("carts").resolve(cart + ".csv");
    }

    static Path wms(Path sandbox, String tenant, String wms) {
        return sandbox.resolve(tenant).resolve("wms").resolve(wms + ".csv");
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".edit");
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the last column of the row whose first column is {@code sku}. */
    static void setLastColumn(Path file, String sku, String value) {
        List<String> lines = lines(file);
        String edited = lines.stream()
                .map(line -> line.startsWith(sku + ",") ? line.substring(0, line.lastIndexOf(',') + 1) + value : line)
                .collect(Collectors.joining("\n", "", "\n"));
        write(file, edited);
    }

    /** The last column of the row whose first column is {@code sku}, or null if there is no such row. */
    static String lastColumn(Path file, String sku) {
        return lines(file).stream()
                .filter(line -> line.startsWith(sku + ","))
                .map(line -> line.substring(line.lastIndexOf(',') + 1).trim())
                .findFirst()
                .orElse(null);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
