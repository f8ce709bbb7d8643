package io.productsync.poller.push;

import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An empty cart that applies every change and counts its batch calls; a single {@code setQuantity} is refused. */
final class BatchCountingCart implements CartConnector {

    private final int maxBatchSize;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    BatchCountingCart(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    List<Integer> batchSizes() {
        return Collections.unmodifiableList(batchSizes);
    }

    @Override
    public Page<CartItem> readPage(String cursor) {
        return Page.last(List.of());
    }

    @Override
    public QuantityChangeResult setQuantity(QuantityChange change) {
        throw new AssertionError("the applier calls setQuantities");
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public List<QuantityChangeResult> setQuantities(List<QuantityChange> changes) {
        batchSizes.add(changes.size());
        return changes.stream().map(change -> QuantityChangeResult.applied()).toList();
    }
}
