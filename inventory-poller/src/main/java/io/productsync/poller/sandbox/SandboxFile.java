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
 * (nothing removed) instead of skipping the rows that moved past the cursor. One instance serves one snapshot (the
 * connector is looked up per snapshot): it keeps the file open between pages and closes it after the last page or a
 * failed one.
 */
final class SandboxFile<T> {

    private static final Logger log = LoggerFactory.getLogger(SandboxFile.class);

    private final Path file;
    private final InventoryCsv<T> format;
    private final FileLocks locks;
    private final int pageSize;
    /** The listing in progress, open at its next row, so a snapshot reads the file once, not once per page. */
    private InventoryCsv.Listing<T> listing;

    private String listingVersion;

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
                closeListing();
                throw new ConnectorException(file + " changed between two pages of one snapshot; read again next time");
            }
            return nextSlice(from, version[0]);
        });
        slice.problems().forEach(log::warn);
        String next = slice.next() < 0 ? null : slice.next() + ":" + version[0];
        return new Page<>(slice.items(), slice.unreadableSkus(), next);
    }

    /**
     * Goes on with the open listing when the cursor is where it stopped, on the same version of the file; otherwise
     * (a first page, a cursor from elsewhere) opens one and skips to the cursor's row.
     */
    private InventoryCsv.Slice<T> nextSlice(int from, String version) throws IOException {
        if (listing == null || listing.index() != from || !version.equals(listingVersion)) {
            closeListing();
            listing = format.open(file);
            listingVersion = version;
            listing.skip(from);
        }
        try {
            InventoryCsv.Slice<T> slice = listing.next(pageSize);
            if (slice.next() < 0) {
                closeListing();
            }
            return slice;
        } catch (IOException | RuntimeException e) {
            closeListing();
            throw e;
        }
    }

    private void closeListing() throws IOException {
        if (listing != null) {
            InventoryCsv.Listing<T> open = listing;
            listing = null;
            open.close();
        }
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
