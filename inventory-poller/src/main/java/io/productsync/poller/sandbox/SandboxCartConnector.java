package io.productsync.poller.sandbox;

import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;

/** A cart that is a CSV file; a push rewrites the file. */
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
        return file.locked(() -> CartFileRewrite.setQuantity(file.path(), change));
    }
}
