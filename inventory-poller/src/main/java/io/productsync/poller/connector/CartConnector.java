package io.productsync.poller.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one cart page by page and sets quantities. May throw {@link ThrottledException} (wait and repeat) or
 * {@link ConnectorException} (this snapshot or push failed) from any method.
 */
public interface CartConnector {

    /** The page after {@code cursor}; a null cursor asks for the first page. */
    Page<CartItem> readPage(String cursor);

    QuantityChangeResult setQuantity(QuantityChange change);

    /** The most changes {@link #setQuantities} takes in one call; a cart without a batch call takes one at a time. */
    default int maxBatchSize() {
        return 1;
    }

    /**
     * Up to {@link #maxBatchSize()} changes in one call to the cart, never two of one SKU; one result per change, in
     * order. A throw fails (or, throttled, delays) the whole batch: repeating it must be harmless, which the
     * compare-and-set (and an idempotency key, where the cart takes one) makes it.
     */
    default List<QuantityChangeResult> setQuantities(List<QuantityChange> changes) {
        List<QuantityChangeResult> results = new ArrayList<>(changes.size());
        for (QuantityChange change : changes) {
            results.add(setQuantity(change));
        }
        return results;
    }
}
