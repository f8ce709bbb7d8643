package io.productsync.poller.snapshot;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code tenant/source/sku} keys of one source, each with a 64-bit fingerprint or none (unknown), in a few flat
 * arrays rather than a {@code HashMap<String, Long>}: 36 bytes a key instead of 135 for 1,000,000 keys
 * ({@code LiveKeysFootprintBenchmark}). Only the SKU is stored, in a {@link SkuArena}; entry {@code i}, numbered in
 * the order it came, has its SKU's handle there, its fingerprint, and a bit that says whether it has one (every 64-bit
 * value is a fingerprint). An open-addressing table finds an entry by a hash of the SKU's bytes; the bytes are then
 * compared, so no key is ever taken for another. No key ever leaves: an instance holds what one snapshot listed. Not
 * thread-safe, as the map it replaces: only the running snapshot of the source touches it.
 */
final class KeyFingerprints {

    private static final int MIN_ENTRIES = 16;

    private final SourceId source;
    private final String prefix;
    private final SkuArena skus = new SkuArena();
    private int[] handles = new int[MIN_ENTRIES];
    private long[] fingerprints = new long[MIN_ENTRIES];
    /** Bit i: entry i has a fingerprint. */
    private long[] known = new long[1];

    private int size;
    /**
     * Linear probing, at most three quarters full. A slot holds entry + 1 in the bits of {@code table.length - 1} (0:
     * empty) and, above them, the same bits of its SKU's hash, so most slots of other keys are passed by without
     * reading their bytes.
     */
    private int[] table = new int[MIN_ENTRIES * 2];

    KeyFingerprints(SourceId source) {
        this.source = source;
        this.prefix = source.keyPrefix();
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(String key) {
        return key.startsWith(prefix) && find(SkuBytes.encode(key, prefix.length())) >= 0;
    }

    /** The key's fingerprint; empty when the key is absent or its fingerprint unknown. */
    OptionalLong fingerprint(String key) {
        int entry = key.startsWith(prefix) ? find(SkuBytes.encode(key, prefix.length())) : -1;
        return entry >= 0 && isKnown(entry) ? OptionalLong.of(fingerprints[entry]) : OptionalLong.empty();
    }

    /** The entry of this SKU (the bytes of {@link SkuBytes}), numbered as {@link Cursor#index}; -1 when absent. */
    int entryOfSku(byte[] sku) {
        return find(sku);
    }

    boolean knownAt(int entry) {
        return isKnown(entry);
    }

    /** Meaningful only when {@link #knownAt}. */
    long fingerprintAt(int entry) {
        return fingerprints[entry];
    }

    /** Whether that changed anything: the key was absent, its fingerprint unknown or another one. */
    boolean put(String key, long fingerprint) {
        byte[] sku = skuToWrite(key);
        int entry = find(sku);
        boolean changed = entry < 0 || !isKnown(entry) || fingerprints[entry] != fingerprint;
        if (entry < 0) {
            entry = add(sku);
        }
        fingerprints[entry] = fingerprint;
        setKnown(entry, true);
        return changed;
    }

    /** The key is present and its fingerprint unknown, whatever it was. */
    void putUnknown(String key) {
        byte[] sku = skuToWrite(key);
        int entry = find(sku);
        if (entry >= 0) {
            setKnown(entry, false);
        } else {
            add(sku);
        }
    }

    /** Adds the key with an unknown fingerprint unless it is present; whether it was added. */
    boolean putUnknownIfAbsent(String key) {
        byte[] sku = skuToWrite(key);
        if (find(sku) >= 0) {
            return false;
        }
        add(sku);
        return true;
    }

    /** The keys as Strings, built as an iteration or a lookup reaches them; read-only, changes show through. */
    Set<String> keys() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return KeyFingerprints.this.iterator(Cursor::key);
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object key) {
                return key instanceof String string && KeyFingerprints.this.contains(string);
            }
        };
    }

    /** A walk over the entries in the order they came, one at a time; this instance must not change meanwhile. */
    Cursor cursor() {
        return new Cursor();
    }

    /** Each entry as {@code each} makes it from the cursor standing on it (which it must not keep). */
    <T> Iterator<T> iterator(Function<Cursor, T> each) {
        Cursor cursor = new Cursor();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.entry + 1 < size;
            }

            @Override
            public T next() {
                if (!cursor.next()) {
                    throw new NoSuchElementException();
                }
                return each.apply(cursor);
            }
        };
    }

    /** Stands before the first entry; {@link #next} moves to the next one, if any. */
    final class Cursor {

        private int entry = -1;

        private Cursor() {}

        boolean next() {
            if (entry < size) {
                entry++;
            }
            return entry < size;
        }

        /** The entry's number: 0 for the first key that came, and so on. */
        int index() {
            return entry;
        }

        String key() {
            return prefix.concat(skus.decode(handles[entry]));
        }

        boolean known() {
            return isKnown(entry);
        }

        /** Meaningful only when {@link #known}. */
        long fingerprint() {
            return fingerprints[entry];
        }
    }

    /** The SKU of a key to be written, the table grown first if it is full. */
    private byte[] skuToWrite(String key) {
        if (!key.startsWith(prefix)) {
            throw new IllegalArgumentException("'" + key + "' is not a key of " + source + " (" + prefix + "...)");
        }
        if ((size + 1) * 4L > table.length * 3L) {
            if (table.length == 1 << 30) {
                throw new IllegalStateException("more keys than one source can hold: " + size);
            }
            rehash(table.length * 2);
        }
        return SkuBytes.encode(key, prefix.length());
    }

    /** The entry of this SKU, or -1. */
    private int find(byte[] sku) {
        int mask = table.length - 1;
        int hash = SkuBytes.hash(sku, 0, sku.length);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int value = table[slot];
            if (value == 0) {
                return -1;
            }
            int entry = (value & mask) - 1;
            if ((value & ~mask) == (hash & ~mask) && skus.equals(handles[entry], sku)) {
                return entry;
            }
        }
    }

    /** Adds the absent SKU with an unknown fingerprint; its entry. */
    private int add(byte[] sku) {
        if (size == handles.length) {
            resizeEntries(handles.length * 2);
        }
        int entry = size++;
        handles[entry] = skus.append(sku);
        setKnown(entry, false);
        insert(entry, SkuBytes.hash(sku, 0, sku.length));
        return entry;
    }

    private void insert(int entry, int hash) {
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = (hash & ~mask) | (entry + 1);
    }

    private void rehash(int tableLength) {
        table = new int[tableLength];
        for (int entry = 0; entry < size; entry++) {
            insert(entry, skus.hash(handles[entry]));
        }
    }

    private void resizeEntries(int entries) {
        handles = Arrays.copyOf(handles, entries);
        fingerprints = Arrays.copyOf(fingerprints, entries);
        known = Arrays.copyOf(known, (entries + 63) >>> 6);
    }

    private boolean isKnown(int entry) {
        return (known[entry >>> 6] & 1L << entry) != 0;
    }

    private void setKnown(int entry, boolean isKnown) {
        if (isKnown) {
            known[entry >>> 6] |= 1L << entry;
        } else {
            known[entry >>> 6] &= ~(1L << entry);
        }
    }
}
