package io.productsync.poller.connector;

/** Reads one WMS page by page; throws like {@link CartConnector}. The WMS is the source of truth, so never written. */
public interface WmsConnector {

    /** The page after {@code cursor}; a null cursor asks for the first page. */
    Page<WmsItem> readPage(String cursor);
}
