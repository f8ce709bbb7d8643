package io.productsync.poller.extensiv;

import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsItem;
import java.util.List;

/**
 * Reads an Extensiv warehouse's stock summaries page after page ({@code pgnum} 1, 2, ... up to
 * {@code ceil(totalResults / pgsiz)}); the cursor is the next page number. Because one SKU's rows can be on any page
 * (one per facility and qualifier), nothing is published before the whole listing is read: every page but the last
 * returns no items, the last returns every SKU with its sum ({@link FacilityStock}). A listing whose
 * {@code totalResults} changes during the read has shifted under its pages, so that read fails rather than miss rows.
 * One read at a time: the poller never runs two snapshots of one WMS at once.
 */
final class ExtensivWmsConnector implements WmsConnector {

    private final StockSummariesClient summaries;
    private final ExtensivSettings settings;
    private final String source;
    private Read read;

    ExtensivWmsConnector(StockSummariesClient summaries, ExtensivSettings settings, String source) {
        this.summaries = summaries;
        this.settings = settings;
        this.source = source;
    }

    @Override
    public synchronized Page<WmsItem> readPage(String cursor) {
        int pageNumber = cursor == null ? 1 : pageNumber(cursor);
        if (cursor == null) {
            read = null;
        } else if (read == null || read.nextPage() != pageNumber) {
            throw new ConnectorException("Extensiv page " + cursor + " asked for out of order; a read starts again"
                    + " from the first page");
        }
        StockSummaries page = summaries.page(pageNumber);
        long total = page.totalResults();
        if (read == null) {
            read = new Read(new FacilityStock(settings.facilityIds(), source), total);
        } else if (read.total() != total) {
            long before = read.total();
            read = null;
            throw new ConnectorException("Extensiv stock summaries changed during the read (totalResults " + before
                    + " on page 1, " + total + " on page " + pageNumber + "); read again at the next poll");
        }
        page.summaries().forEach(read.stock()::add);
        long pages = (total + settings.pageSize() - 1) / settings.pageSize();
        if (pageNumber < pages) {
            read = new Read(read.stock(), total, pageNumber + 1);
            return Page.of(List.of(), Integer.toString(pageNumber + 1));
        }
        Page<WmsItem> result = read.stock().result();
        read = null;
        return result;
    }

    private static int pageNumber(String cursor) {
        try {
            int number = Integer.parseInt(cursor);
            if (number > 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException("Extensiv cursor '" + cursor + "' is not a page number after the first");
    }

    /** The read in progress: the stock so far, the listing's size on page 1, and the page expected next. */
    private record Read(FacilityStock stock, long total, int nextPage) {

        Read(FacilityStock stock, long total) {
            this(stock, total, 2);
        }
    }
}
