package io.productsync.poller.snapshot;

import java.util.Arrays;

/**
 * SKUs as {@link SkuBytes}, one after another, each behind its length (one byte under 128, else two), in chunks of
 * 256 KiB: no copy of everything when it grows, no half-empty array after a doubling, and no chunk large enough for
 * G1 to give it regions of its own. A SKU never straddles two chunks. Each is found again by the int {@link #append}
 * returned (its handle), which later appends never change.
 */
final class SkuArena {

    private static final int CHUNK_BITS = 18;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /** Two length bytes hold 15 bits; a SKU is at most 255 characters, 765 bytes. */
    private static final int MAX_LENGTH = (1 << 15) - 1;

    /** The first chunk starts small and doubles to a full one, so a source with few keys holds little. */
    private byte[][] chunks = {new byte[256]};
    /** The handle of the next SKU: chunk number, then position in it. */
    private int end;

    /** Appends the SKU; its handle. */
    int append(byte[] sku) {
        if (sku.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a SKU of " + sku.length + " bytes is longer than " + MAX_LENGTH);
        }
        int handle = room(end, sku.length);
        end = write(handle, sku);
        return handle;
    }

    int length(int handle) {
        byte[] chunk = chunks[handle >>> CHUNK_BITS];
        int at = handle & (CHUNK - 1);
        int first = chunk[at];
        return first >= 0 ? first : (first & 0x7F) << 8 | chunk[at + 1] & 0xFF;
    }

    boolean equals(int handle, byte[] sku) {
        int length = length(handle);
        int from = start(handle, length);
        return length == sku.length
                && Arrays.equals(chunks[handle >>> CHUNK_BITS], from, from + length, sku, 0, length);
    }

    int hash(int handle) {
        int length = length(handle);
        return SkuBytes.hash(chunks[handle >>> CHUNK_BITS], start(handle, length), length);
    }

    String decode(int handle) {
        int length = length(handle);
        return SkuBytes.decode(chunks[handle >>> CHUNK_BITS], start(handle, length), length);
    }

    /** Where a SKU of that length goes at {@code at} or after: the next chunk if it would not fit in this one. */
    private int room(int at, int length) {
        int size = header(length) + length;
        if ((at & (CHUNK - 1)) + size > CHUNK) {
            at = ((at >>> CHUNK_BITS) + 1) << CHUNK_BITS;
        }
        if (at < 0) {
            throw new IllegalStateException("more SKU bytes than one source can hold (2 GiB)");
        }
        int chunk = at >>> CHUNK_BITS;
        int needed = (at & (CHUNK - 1)) + size;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunk + 1);
            chunks[chunk] = new byte[CHUNK];
        } else if (chunks[chunk].length < needed) {
            chunks[chunk] = Arrays.copyOf(chunks[chunk], Math.min(CHUNK, Math.max(chunks[chunk].length * 2, needed)));
        }
        return at;
    }

    /** Writes the SKU's length and bytes at {@code handle}, which has room for them; the position after. */
    private int write(int handle, byte[] sku) {
        int length = sku.length;
        byte[] chunk = chunks[handle >>> CHUNK_BITS];
        int at = handle & (CHUNK - 1);
        if (length < 0x80) {
            chunk[at] = (byte) length;
        } else {
            chunk[at] = (byte) (0x80 | length >>> 8);
            chunk[at + 1] = (byte) length;
        }
        System.arraycopy(sku, 0, chunk, at + header(length), length);
        return handle + header(length) + length;
    }

    private static int start(int handle, int length) {
        return (handle & (CHUNK - 1)) + header(length);
    }

    private static int header(int length) {
        return length < 0x80 ? 1 : 2;
    }
}
