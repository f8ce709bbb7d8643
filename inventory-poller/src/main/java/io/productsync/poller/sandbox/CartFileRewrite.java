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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Compare-and-set of SKU quantities in a cart CSV, a batch of them in one rewrite. Every other record (and unknown
 * column) is written back byte for byte; the new file replaces the old one by an atomic rename, so a reader sees either
 * version whole. A person's editor takes no lock ({@code sed -i} replaces the file by a rename of its own), so just
 * before the rename the file is checked to still be the one that was read (same file key and content); when it is not,
 * the rewrite starts again from the new content, and the person's edit is kept.
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
        return setQuantities(file, List.of(change), path -> {}).get(0);
    }

    static QuantityChangeResult setQuantity(Path file, QuantityChange change, BeforeReplace beforeReplace)
            throws IOException {
        return setQuantities(file, List.of(change), beforeReplace).get(0);
    }

    /** One result per change, in order; a later change of a SKU sees what an earlier one of the batch set. */
    static List<QuantityChangeResult> setQuantities(Path file, List<QuantityChange> changes) throws IOException {
        return setQuantities(file, changes, path -> {});
    }

    static List<QuantityChangeResult> setQuantities(
            Path file, List<QuantityChange> changes, BeforeReplace beforeReplace) throws IOException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Read read = Read.of(file);
            Outcome outcome = outcome(file, read.content(), changes);
            if (outcome.newContent() == null) {
                return outcome.results();
            }
            if (replaceIfUnchanged(file, read, outcome.newContent(), beforeReplace)) {
                return outcome.results();
            }
        }
        String what = changes.size() == 1 ? "'" + changes.get(0).sku() + "'" : changes.size() + " SKUs";
        throw new IOException(file + " changed under every one of " + MAX_ATTEMPTS + " attempts to set " + what
                + "; nothing written");
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

    /** What the changes come to; {@code newContent} is null when nothing is to be written. */
    private record Outcome(List<QuantityChangeResult> results, String newContent) {}

    private static Outcome outcome(Path file, String content, List<QuantityChange> changes) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        CsvReader reader = new CsvReader(new StringReader(content));
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        CsvRecord header = records.stream().filter(r -> !r.blank()).findFirst().orElse(null);
        Map<String, Integer> columns = InventoryCsv.CART.columns(file, header);
        Map<String, List<Integer>> rowsOfSku = new HashMap<>();
        for (int i = records.indexOf(header) + 1; i < records.size(); i++) {
            String sku = records.get(i).blank() ? null : new InventoryCsv.CsvRow(columns, records.get(i)).skuOrNull();
            if (sku != null) {
                rowsOfSku.computeIfAbsent(sku, key -> new ArrayList<>()).add(i);
            }
        }
        List<QuantityChangeResult> results = new ArrayList<>(changes.size());
        boolean written = false;
        for (QuantityChange change : changes) {
            List<Integer> rows = rowsOfSku.get(change.sku());
            QuantityChangeResult result;
            if (rows == null) {
                result = QuantityChangeResult.notInCart();
            } else if (rows.size() > 1) {
                result = QuantityChangeResult.rejected("sku '" + change.sku() + "' is on lines "
                        + rows.stream()
                                .map(row -> Integer.toString(records.get(row).line()))
                                .collect(Collectors.joining(", "))
                        + ": a duplicate, not pushed");
            } else {
                int index = rows.get(0);
                result = change(file, records, index, new InventoryCsv.CsvRow(columns, records.get(index)), change);
            }
            written |= result.status() == QuantityChangeResult.Status.APPLIED;
            results.add(result);
        }
        if (!written) {
            return new Outcome(results, null);
        }
        String newline = content.contains("\r\n") ? "\r\n" : "\n";
        String lines = records.stream().map(CsvRecord::raw).collect(Collectors.joining(newline));
        return new Outcome(results, lines + (content.endsWith("\n") ? newline : ""));
    }

    /** The compare-and-set of one row; an applied change replaces the row's record in {@code records}. */
    private static QuantityChangeResult change(
            Path file, List<CsvRecord> records, int index, InventoryCsv.CsvRow row, QuantityChange change) {
        long current;
        try {
            if (!row.bool("inventory_tracked")) {
                return QuantityChangeResult.rejected("sku '" + change.sku() + "' does not track inventory");
            }
            current = row.number("quantity");
        } catch (IllegalArgumentException e) {
            return QuantityChangeResult.rejected(
                    file.getFileName() + " line " + row.record().line() + ": " + e.getMessage());
        }
        if (current == change.target()) {
            return QuantityChangeResult.alreadyAtTarget();
        }
        if (current != change.expected()) {
            return QuantityChangeResult.currentDiffers(current);
        }
        List<String> fields = new ArrayList<>(row.record().fields());
        fields.set(row.columns().get("quantity"), Long.toString(change.target()));
        String raw = fields.stream().map(CartFileRewrite::quoted).collect(Collectors.joining(","));
        records.set(index, new CsvRecord(row.record().line(), List.copyOf(fields), raw, null));
        return QuantityChangeResult.applied();
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
