package io.productsync.report.web;

import io.productsync.report.syncstatus.ProductSyncItem;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncFilter;
import io.productsync.report.system.KeysetPage;
import java.io.IOException;
import java.io.Writer;
import org.springframework.stereotype.Component;

/**
 * Writes a cart's filtered table as CSV while reading it: keyset pages of {@value #BATCH} rows through the list's own
 * query ({@link ProductSyncQueries#page}), each written before the next is read, so memory holds one page whatever the
 * cart's size, and a database connection is held only while a page is read, never while a slow client downloads.
 */
@Component
class ProductSyncExport {

    static final int BATCH = 5_000;

    private final ProductSyncQueries queries;

    ProductSyncExport(ProductSyncQueries queries) {
        this.queries = queries;
    }

    /** The header and every row the filter selects, in SKU order; returns the number of rows. */
    long write(String tenantId, String cartId, SyncFilter filter, Writer out) throws IOException {
        ProductSyncCsv.header(out);
        long rows = 0;
        String after = null;
        do {
            KeysetPage<ProductSyncItem> page = queries.page(tenantId, cartId, filter, after, BATCH);
            for (ProductSyncItem item : page.items()) {
                ProductSyncCsv.row(out, item);
            }
            rows += page.items().size();
            after = page.lastKey();
        } while (after != null);
        out.flush();
        return rows;
    }
}
