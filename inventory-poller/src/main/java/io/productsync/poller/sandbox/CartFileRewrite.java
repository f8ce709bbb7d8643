package io.productsync.poller.sandbox;

import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compare-and-set of one SKU's quantity in a cart CSV. Every other record (and unknown column) is written back
 * byte for byte; the new file replaces the old one by an atomic rename, so a reader sees either version whole.
 */
final class CartFileRewrite {

    private CartFileRewrite() {}

    static QuantityChangeResult setQuantity(Path file, QuantityChange change) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
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
        return QuantityChangeResult.rejected("sku '" + change.sku() + "' is not in " + file.getFileName());
    }

    private static QuantityChangeResult change(
            Path file,
            String content,
            List<CsvRecord> records,
            int index,
            InventoryCsv.CsvRow row,
            QuantityChange change)
            throws IOException {
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
        List<String> lines = records.stream().map(CsvRecord::raw).collect(Collectors.toCollection(ArrayList::new));
        lines.set(index, fields.stream().map(CartFileRewrite::quoted).collect(Collectors.joining(",")));
        String newline = content.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithNewline = content.endsWith("\n");
        replace(file, String.join(newline, lines) + (endsWithNewline ? newline : ""));
        return QuantityChangeResult.applied();
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** A temp file in the same directory, so the rename stays on one file system and is atomic. */
    private static void replace(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
