package io.productsync.poller.sandbox;

import io.productsync.events.Ids;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.WmsItem;
import java.io.BufferedReader;
import java.io.Closeable;
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
 * values and the number of its rows ({@code listings}: a duplicate, never pushed), so a listing first reads the whole
 * file once to count them.
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

    /** Data rows [from, from + limit) of the file, read from its start. */
    Slice<T> read(Path file, int from, int limit) throws IOException {
        try (Listing<T> listing = open(file)) {
            listing.skip(from);
            return listing.next(limit);
        }
    }

    /**
     * A listing of the file, page after page in one pass, after a first pass that finds the SKUs on several rows: a
     * later row of one is a duplicate (cart) or a bad row (WMS) whatever page it is on, and a cart page reports the
     * row count of every SKU whose first row it holds. So a whole listing reads the file twice, however many pages.
     */
    Listing<T> open(Path file) throws IOException {
        Map<String, Rows> repeated = repeatedSkus(file);
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            CsvReader reader = new CsvReader(in);
            return new Listing<>(this, file, in, reader, columns(file, firstNonBlank(reader)), repeated);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The first line and row count of each SKU on more than one row. */
    private Map<String, Rows> repeatedSkus(Path file) throws IOException {
        Map<String, Rows> rows = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader reader = new CsvReader(in);
            Map<String, Integer> columns = columns(file, firstNonBlank(reader));
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                String sku = record.blank() ? null : new CsvRow(columns, record).skuOrNull();
                if (sku != null) {
                    rows.merge(sku, new Rows(record.line(), 1), (first, more) -> first.plusOne());
                }
            }
        }
        rows.values().removeIf(skuRows -> skuRows.count() == 1);
        return rows;
    }

    /** The rows of one SKU: the line of its first, and how many. */
    record Rows(int firstLine, int count) {
        Rows plusOne() {
            return new Rows(firstLine, count + 1);
        }
    }

    /** A listing in progress: the file open at the next data row. */
    static final class Listing<T> implements Closeable {

        private final InventoryCsv<T> format;
        private final Path file;
        private final BufferedReader in;
        private final CsvReader reader;
        private final Map<String, Integer> columns;
        private final Map<String, Rows> repeated;
        /** The next non-blank record, read ahead so a page knows whether it is the last. */
        private CsvRecord ahead;

        private int index;

        private Listing(
                InventoryCsv<T> format,
                Path file,
                BufferedReader in,
                CsvReader reader,
                Map<String, Integer> columns,
                Map<String, Rows> repeated)
                throws IOException {
            this.format = format;
            this.file = file;
            this.in = in;
            this.reader = reader;
            this.columns = columns;
            this.repeated = repeated;
            this.ahead = nextNonBlank();
        }

        /** The index of the next data row. */
        int index() {
            return index;
        }

        void skip(int rows) throws IOException {
            while (index < rows && ahead != null) {
                ahead = nextNonBlank();
                index++;
            }
        }

        /** The next {@code limit} data rows; {@code next} of the slice is -1 after the last row. */
        Slice<T> next(int limit) throws IOException {
            List<T> items = new ArrayList<>();
            Set<String> unreadable = new HashSet<>();
            List<String> problems = new ArrayList<>();
            for (int taken = 0; taken < limit && ahead != null; taken++) {
                CsvRecord record = ahead;
                ahead = nextNonBlank();
                index++;
                CsvRow row = new CsvRow(columns, record);
                String sku = row.skuOrNull();
                Rows rows = sku == null ? null : repeated.get(sku);
                boolean laterRow = rows != null && rows.firstLine() != record.line();
                if (laterRow && format.listings != null) {
                    problems.add(file + " line " + record.line() + ": sku '" + sku + "' is already on line "
                            + rows.firstLine() + ": a duplicate, reported as DUPLICATE_CART_SKU and never pushed");
                    continue;
                }
                try {
                    if (laterRow) {
                        throw new IllegalArgumentException("sku '" + sku + "' is already on line " + rows.firstLine());
                    }
                    T item = format.parser.parse(row);
                    items.add(
                            rows == null || format.listings == null
                                    ? item
                                    : format.listings.listedTimes(item, rows.count()));
                } catch (IllegalArgumentException e) {
                    problems.add(file + " line " + record.line() + ": " + e.getMessage() + ", row skipped");
                    if (sku != null && !laterRow) {
                        unreadable.add(sku);
                    }
                }
            }
            return new Slice<>(items, unreadable, problems, ahead == null ? -1 : index);
        }

        private CsvRecord nextNonBlank() throws IOException {
            CsvRecord record = reader.next();
            while (record != null && record.blank()) {
                record = reader.next();
            }
            return record;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
