package io.productsync.poller.sandbox;

import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.util.List;

/** A cart that is a CSV file; a batch of pushes is one rewrite of the file. */
final class SandboxCartConnector implements CartConnector {

    private final SandboxFile<CartItem> file;

    SandboxCartConnector(SandboxFile<CartItem> file) {
        this.file = file;
    }

    @Override
    public Page<CartItem> readPage(String cursor) {
        return file.readPage(cursor);
    }

    @Override
    public QuantityChangeResult setQuantity(QuantityChange change) {
        return setQuantities(List.of(change)).get(0);
    }

    /** Any number: the whole batch is one read, one compare per SKU and one rename. */
    @Override
    public int maxBatchSize() {
        return Integer.MAX_VALUE;
    }

    @Override
    public List<QuantityChangeResult> setQuantities(List<QuantityChange> changes) {
        return file.locked(() -> CartFileRewrite.setQuantities(file.path(), changes));
    }
}
