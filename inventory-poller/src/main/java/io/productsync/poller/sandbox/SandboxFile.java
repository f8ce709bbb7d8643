package io.productsync.poller.sandbox;

import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pages of one sandbox CSV; the cursor is the index of the next data row. */
final class SandboxFile<T> {

    private static final Logger log = LoggerFactory.getLogger(SandboxFile.class);

    private final Path file;
    private final InventoryCsv<T> format;
    private final FileLocks locks;
    private final int pageSize;

    SandboxFile(Path file, InventoryCsv<T> format, FileLocks locks, int pageSize) {
        this.file = file;
        this.format = format;
        this.locks = locks;
        this.pageSize = pageSize;
    }

    Path path() {
        return file;
    }

    Page<T> readPage(String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        InventoryCsv.Slice<T> slice = locked(() -> format.read(file, from, pageSize));
        slice.problems().forEach(log::warn);
        String next = slice.next() < 0 ? null : Integer.toString(slice.next());
        return new Page<>(slice.items(), slice.unreadableSkus(), next);
    }

    <R> R locked(FileLocks.IoAction<R> action) {
        try {
            return locks.locked(file, action);
        } catch (NoSuchFileException e) {
            throw new ConnectorException(file + " is gone", e);
        } catch (IOException e) {
            throw new ConnectorException("cannot read " + file + ": " + e, e);
        }
    }
}
