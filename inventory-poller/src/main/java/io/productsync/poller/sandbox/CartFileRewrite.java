package io.productsync.poller.sandbox;

import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Compare-and-set of one SKU's quantity in a cart CSV. Every other record (and unknown column) is written back
 * byte for byte; the new file replaces the old one by an atomic rename, so a reader sees either version whole.
 * A person's editor takes no lock ({@code sed -i} replaces the file by a rename of its own), so just before the
 * rename the file is checked to still be the one that was read (same file key and content); when it is not, the
 * rewrite starts again from the new content, and the person's edit is kept.
 */
final class CartFileRewrite {

    /** A file someone keeps changing is given up on after this many reads, and the push fails. */
    static final int MAX_ATTEMPTS = 5;

    /** Runs between the read and the rename; tests use it to edit the file at exactly that moment. */
    interface BeforeReplace {
        void run(Path file) throws IOException;
    }

    private CartFileRewrite() {}

    static QuantityChangeResult setQuantity(Path file, QuantityChange change) throws IOException {
        return setQuantity(file, change, path -> {});
    }

    static QuantityChangeResult setQuantity(Path file, QuantityChange change, BeforeReplace beforeReplace)
            throws IOException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Read read = Read.of(file);
            Outcome outcome = outcome(file, read.content(), change);
            if (outcome.newContent() == null) {
                return outcome.result();
            }
            if (replaceIfUnchanged(file, read, outcome.newContent(), beforeReplace)) {
                return outcome.result();
            }
        }
        throw new IOException(file + " changed under every one of " + MAX_ATTEMPTS + " attempts to set '" + change.sku()
                + "'; nothing written");
    }

    /** The content read and the identity of the file it came from. */
    private record Read(Object fileKey, String content) {

        static Read of(Path file) throws IOException {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return new Read(key, Files.readString(file, StandardCharsets.UTF_8));
        }

        /** A rename (sed -i, an editor's save) changes the file key; an edit in place changes the content. */
        boolean stillIn(Path file) throws IOException {
            try {
                return Objects.equals(of(file), this);
            } catch (NoSuchFileException e) {
                return false;
            }
        }
    }

    /** What the change comes to; {@code newContent} is null when nothing is to be written. */
    private record Outcome(QuantityChangeResult result, String newContent) {

        static Outcome unchanged(QuantityChangeResult result) {
            return new Outcome(result, null);
        }
    }

    private static Outcome outcome(Path file, String content, QuantityChange change) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        CsvReader reader = new CsvReader(new StringReader(content));
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        CsvRecord header = records.stream().filter(r -> !r.blank()).findFirst().orElse(null);
        Map<String, Integer> columns = InventoryCsv.CART.columns(file, header);
        for (int i = records.indexOf(header) + 1; i < records.size(); i++) {
            InventoryCsv.CsvRow row = new InventoryCsv.CsvRow(columns, records.get(i));
            if (!records.get(i).blank() && change.sku().equals(row.skuOrNull())) {
                return change(file, content, records, i, row, change);
            }
        }
        return Outcome.unchanged(QuantityChangeResult.notInCart());
    }

    private static Outcome change(
            Path file,
            String content,
            List<CsvRecord> records,
            int index,
            InventoryCsv.CsvRow row,
            QuantityChange change) {
        long current;
        try {
            if (!row.bool("inventory_tracked")) {
                return Outcome.unchanged(
                        QuantityChangeResult.rejected("sku '" + change.sku() + "' does not track inventory"));
            }
            current = row.number("quantity");
        } catch (IllegalArgumentException e) {
            return Outcome.unchanged(QuantityChangeResult.rejected(
                    file.getFileName() + " line " + row.record().line() + ": " + e.getMessage()));
        }
        if (current == change.target()) {
            return Outcome.unchanged(QuantityChangeResult.alreadyAtTarget());
        }
        if (current != change.expected()) {
            return Outcome.unchanged(QuantityChangeResult.currentDiffers(current));
        }
        List<String> fields = new ArrayList<>(row.record().fields());
        fields.set(row.columns().get("quantity"), Long.toString(change.target()));
        List<String> lines = records.stream().map(CsvRecord::raw).collect(Collectors.toCollection(ArrayList::new));
        lines.set(index, fields.stream().map(CartFileRewrite::quoted).collect(Collectors.joining(",")));
        String newline = content.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithNewline = content.endsWith("\n");
        return new Outcome(
                QuantityChangeResult.applied(), String.join(newline, lines) + (endsWithNewline ? newline : ""));
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /**
     * A temp file in the same directory, so the rename stays on one file system and is atomic. The check just before
     * the rename leaves a window of one stat and one read, not of the whole rewrite.
     */
    private static boolean replaceIfUnchanged(Path file, Read read, String content, BeforeReplace beforeReplace)
            throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            beforeReplace.run(file);
            if (!read.stillIn(file)) {
                return false;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
