package io.productsync.poller.connector;

/**
 * Reads one cart page by page and sets quantities. May throw {@link ThrottledException} (wait and repeat) or
 * {@link ConnectorException} (this snapshot or push failed) from either method.
 */
public interface CartConnector {

    /** The page after {@code cursor}; a null cursor asks for the first page. */
    Page<CartItem> readPage(String cursor);

    QuantityChangeResult setQuantity(QuantityChange change);
}
