package io.productsync.poller.sandbox;

import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages of one sandbox CSV. The cursor is the index of the next data row and the version of the file the listing
 * started on: rows shift when the file is replaced between pages, so a changed file ends the listing as incomplete
 * (nothing removed) instead of skipping the rows that moved past the cursor.
 */
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
        int separator = cursor == null ? -1 : cursor.indexOf(':');
        int from = cursor == null ? 0 : Integer.parseInt(cursor.substring(0, separator));
        String startedOn = cursor == null ? null : cursor.substring(separator + 1);
        String[] version = new String[1];
        InventoryCsv.Slice<T> slice = locked(() -> {
            version[0] = version(file);
            if (startedOn != null && !startedOn.equals(version[0])) {
                throw new ConnectorException(file + " changed between two pages of one snapshot; read again next time");
            }
            return format.read(file, from, pageSize);
        });
        slice.problems().forEach(log::warn);
        String next = slice.next() < 0 ? null : slice.next() + ":" + version[0];
        return new Page<>(slice.items(), slice.unreadableSkus(), next);
    }

    /** Which file (its inode where the file system has one), how long, last written when. */
    private static String version(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.fileKey() + "/" + attributes.size() + "/"
                + attributes.lastModifiedTime().toMillis();
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
