package io.productsync.poller.sandbox;

import io.productsync.events.Ids;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.WmsItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sandbox inventory file: a header naming at least the required columns (any order, extra columns allowed), then
 * one row per SKU. Bad rows are reported with file and line and skipped; a bad header fails the whole file. A SKU on
 * several rows: in a WMS file the later rows are bad rows; in a cart file the SKU is reported with its first row's
 * values and the number of its rows ({@code listings}: a duplicate, never pushed), so the whole file is read for every
 * page to count them.
 */
final class InventoryCsv<T> {

    static final InventoryCsv<CartItem> CART = new InventoryCsv<>(
            List.of("sku", "inventory_tracked", "product_active", "quantity"),
            row -> new CartItem(
                    row.sku(), row.bool("inventory_tracked"), row.bool("product_active"), row.number("quantity")),
            CartItem::listedTimes);

    static final InventoryCsv<WmsItem> WMS = new InventoryCsv<>(
            List.of("sku", "available"), row -> new WmsItem(row.sku(), row.number("available")), null);

    interface RowParser<T> {
        /** Throws IllegalArgumentException saying what is wrong with the row. */
        T parse(CsvRow row);
    }

    /** Items and problems of data rows [from, from + limit); {@code next} is the row to continue at, -1 at the end. */
    record Slice<T>(List<T> items, Set<String> unreadableSkus, List<String> problems, int next) {}

    /** How an item on several rows is reported: the first row's item, found on {@code times} rows. */
    interface Listings<T> {
        T listedTimes(T item, int times);
    }

    private final List<String> required;
    private final RowParser<T> parser;
    /** Null: a SKU's later rows are bad rows. */
    private final Listings<T> listings;

    private InventoryCsv(List<String> required, RowParser<T> parser, Listings<T> listings) {
        this.required = required;
        this.parser = parser;
        this.listings = listings;
    }

    /**
     * The whole file is scanned up to the slice end, so duplicates of earlier rows are still caught; to its end where
     * a SKU's rows are counted, so a page reports the count of every SKU whose first row it holds.
     */
    Slice<T> read(Path file, int from, int limit) throws IOException {
        List<T> items = new ArrayList<>();
        List<String> itemSkus = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstLineOfSku = new HashMap<>();
        Map<String, Integer> rowsOfSku = new HashMap<>();
        int next = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader reader = new CsvReader(in);
            Map<String, Integer> columns = columns(file, firstNonBlank(reader));
            int index = 0;
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                if (record.blank()) {
                    continue;
                }
                CsvRow row = new CsvRow(columns, record);
                String sku = row.skuOrNull();
                if (index >= from + limit) {
                    if (listings == null) {
                        return new Slice<>(items, unreadable, problems, index);
                    }
                    next = next < 0 ? index : next;
                    index++;
                    if (sku != null) {
                        rowsOfSku.merge(sku, 1, Integer::sum);
                    }
                    continue;
                }
                boolean inSlice = index++ >= from;
                Integer firstLine = sku == null ? null : firstLineOfSku.putIfAbsent(sku, record.line());
                if (sku != null) {
                    rowsOfSku.merge(sku, 1, Integer::sum);
                }
                if (firstLine != null && listings != null) {
                    if (inSlice) {
                        problems.add(file + " line " + record.line() + ": sku '" + sku + "' is already on line "
                                + firstLine + ": a duplicate, reported as DUPLICATE_CART_SKU and never pushed");
                    }
                    continue;
                }
                try {
                    if (firstLine != null) {
                        throw new IllegalArgumentException("sku '" + sku + "' is already on line " + firstLine);
                    }
                    T item = parser.parse(row);
                    if (inSlice) {
                        items.add(item);
                        itemSkus.add(sku);
                    }
                } catch (IllegalArgumentException e) {
                    if (inSlice) {
                        problems.add(file + " line " + record.line() + ": " + e.getMessage() + ", row skipped");
                        if (sku != null && firstLine == null) {
                            unreadable.add(sku);
                        }
                    }
                }
            }
        }
        if (listings != null) {
            for (int i = 0; i < items.size(); i++) {
                int rows = rowsOfSku.get(itemSkus.get(i));
                if (rows > 1) {
                    items.set(i, listings.listedTimes(items.get(i), rows));
                }
            }
        }
        return new Slice<>(items, unreadable, problems, next);
    }

    /** Column positions by name; a missing or incomplete header fails the file. */
    Map<String, Integer> columns(Path file, CsvRecord header) {
        if (header == null) {
            throw new ConnectorException(file + ": empty file, expected the header " + String.join(",", required));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(header.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        if (header.error() != null
                || !columns.keySet().containsAll(required)
                || columns.size() != header.fields().size()) {
            throw new ConnectorException(file + " line " + header.line() + ": header must name the columns "
                    + String.join(",", required) + " once each, found '" + header.raw() + "'; file skipped");
        }
        return columns;
    }

    static CsvRecord firstNonBlank(CsvReader reader) throws IOException {
        CsvRecord record = reader.next();
        while (record != null && record.blank()) {
            record = reader.next();
        }
        return record;
    }

    /** One data row, read by column name. */
    record CsvRow(Map<String, Integer> columns, CsvRecord record) {

        String skuOrNull() {
            try {
                return sku();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String sku() {
            return Ids.requireSku(field("sku"), "sku");
        }

        long number(String column) {
            String value = field(column).trim();
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a whole number");
            }
        }

        boolean bool(String column) {
            String value = field(column).trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default ->
                    throw new IllegalArgumentException(column + " '" + value + "' is not one of true/false/yes/no/1/0");
            };
        }

        String field(String column) {
            if (record.error() != null) {
                throw new IllegalArgumentException(record.error());
            }
            if (record.fields().size() != columns.size()) {
                throw new IllegalArgumentException(
                        "has " + record.fields().size() + " fields, the header has " + columns.size());
            }
            return record.fields().get(columns.get(column));
        }
    }
}
