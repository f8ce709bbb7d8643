package io.productsync.report.web;

import io.productsync.report.syncstatus.ProductSyncItem;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The View Product Sync table as CSV lines (CRLF, as RFC 4180 has it). Text from outside goes through {@link CsvCells};
 * numbers, dates, flags and codes are ours and are written as they are, so a negative quantity stays a number.
 */
final class ProductSyncCsv {

    static final String HEADER = "sku,inventory_enabled,last_cart_sync_date,never,outcome,reason,detail,"
            + "cart_quantity,wms_quantity,matched_wms_sku,matched_via,evaluated_at";
    private static final String EOL = "\r\n";

    private ProductSyncCsv() {}

    static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write(EOL);
    }

    static void row(Writer out, ProductSyncItem item) throws IOException {
        out.write(CsvCells.text(item.sku()));
        out.write(',');
        out.write(String.valueOf(item.inventoryEnabled()));
        out.write(',');
        out.write(plain(item.lastCartSyncDate()));
        out.write(',');
        out.write(String.valueOf(item.lastCartSyncDate() == null));
        out.write(',');
        out.write(plain(item.outcome()));
        out.write(',');
        out.write(plain(item.reason()));
        out.write(',');
        out.write(CsvCells.text(item.detail()));
        out.write(',');
        out.write(plain(item.cartQuantity()));
        out.write(',');
        out.write(plain(item.wmsQuantity()));
        out.write(',');
        out.write(CsvCells.text(item.matchedWmsSku()));
        out.write(',');
        out.write(plain(item.matchedVia()));
        out.write(',');
        out.write(plain(item.evaluatedAt()));
        out.write(EOL);
    }

    /** An Instant prints as ISO-8601 in UTC ({@code 2026-11-27T09:15:30.125Z}); null is an empty cell. */
    private static String plain(Object value) {
        return Objects.toString(value, "");
    }
}
