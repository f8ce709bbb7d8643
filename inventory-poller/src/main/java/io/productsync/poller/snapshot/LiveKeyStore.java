package io.productsync.poller.snapshot;

import io.productsync.poller.system.PollerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live keys of every polled source, each with the fingerprint of what was last published for it or none
 * (unknown), in one RocksDB under {@code <state-dir>/live-keys}: on disk, so the poller's heap does not grow with the
 * catalogs it polls. A store key is {@code <kind>:<tenant>/<source>/} followed by the SKU's {@link SkuBytes} (':' and
 * '/' never occur in an id, so the keys of one source are one contiguous range); a value is the byte 1 and the 8-byte
 * fingerprint, or the byte 0 alone for an unknown one. Writes go through the write-ahead log, which is synced at the
 * end of every update. RocksDB's memory is bounded: a {@value #CACHE_BYTES}-byte block cache that also holds the index
 * blocks, and two memtables of {@value #MEMTABLE_BYTES} bytes. Closing waits for any call in progress; a call after
 * that fails instead of touching a closed database.
 */
@Component
final class LiveKeyStore implements AutoCloseable {

    static final long CACHE_BYTES = 16L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 8L * 1024 * 1024;
    /** Writes per batch and keys per read of a walk, so neither holds a whole catalog in memory. */
    private static final int CHUNK = 10_000;

    private static final byte UNKNOWN = 0;
    private static final byte KNOWN = 1;
    private static final byte[] UNKNOWN_VALUE = {UNKNOWN};

    private final Path dir;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Cache cache;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private boolean closed;

    @Autowired
    LiveKeyStore(PollerSettings settings) {
        this(settings.poller().stateDir().resolve("live-keys"));
    }

    LiveKeyStore(Path dir) {
        this.dir = dir;
        RocksDB.loadLibrary();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the live keys directory " + dir, e);
        }
        cache = new LRUCache(CACHE_BYTES);
        options = new Options()
                .setCreateIfMissing(true)
                .setTableFormatConfig(
                        new BlockBasedTableConfig().setBlockCache(cache).setCacheIndexAndFilterBlocks(true))
                .setWriteBufferSize(MEMTABLE_BYTES)
                .setMaxWriteBufferNumber(2)
                .setMaxLogFileSize(1024 * 1024)
                .setKeepLogFileNum(2);
        writeOptions = new WriteOptions();
        try {
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            writeOptions.close();
            options.close();
            cache.close();
            throw new IllegalStateException(
                    "cannot open the live keys in " + dir + " (does another poller use this state-dir?): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The keys of one source; only the running snapshot of that source may use it. */
    SourceKeys of(SourceId source) {
        return new SourceKeys(source);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                db.close();
                writeOptions.close();
                options.close();
                cache.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private interface StoreCall<T> {
        T call() throws RocksDBException;
    }

    private <T> T withDb(StoreCall<T> call) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the live keys in " + dir + " are closed");
            }
            return call.call();
        } catch (RocksDBException e) {
            throw new UncheckedIOException(new IOException("live keys in " + dir + ": " + e.getMessage(), e));
        } finally {
            lock.readLock().unlock();
        }
    }

    private static byte[] known(long fingerprint) {
        return ByteBuffer.allocate(9).put(KNOWN).putLong(fingerprint).array();
    }

    private static OptionalLong fingerprintIn(byte[] value) {
        return value != null && value[0] == KNOWN
                ? OptionalLong.of(ByteBuffer.wrap(value, 1, 8).getLong())
                : OptionalLong.empty();
    }

    private static boolean isKnown(byte[] value, long fingerprint) {
        return value[0] == KNOWN && ByteBuffer.wrap(value, 1, 8).getLong() == fingerprint;
    }

    /** The keys of one source, with how many there are counted once and kept up to date by its own writes. */
    final class SourceKeys {

        private final SourceId source;
        private final String keyPrefix;
        private final byte[] prefix;
        private int size = -1;

        private SourceKeys(SourceId source) {
            this.source = source;
            this.keyPrefix = source.keyPrefix();
            this.prefix = (source.kind().token() + ":" + keyPrefix).getBytes(StandardCharsets.UTF_8);
        }

        int size() {
            if (size < 0) {
                int[] count = {0};
                walk((key, value) -> count[0]++);
                size = count[0];
            }
            return size;
        }

        boolean isEmpty() {
            return size() == 0;
        }

        boolean contains(String key) {
            return key.startsWith(keyPrefix) && value(key) != null;
        }

        /** The fingerprint of each key, in their order (one read for all); empty where absent or unknown. */
        List<OptionalLong> fingerprints(List<String> keys) {
            if (keys.isEmpty()) {
                // RocksDB refuses a read of no keys.
                return List.of();
            }
            List<byte[]> storeKeys = new ArrayList<>(keys.size());
            keys.forEach(key -> storeKeys.add(storeKey(key)));
            List<byte[]> values = withDb(() -> db.multiGetAsList(storeKeys));
            List<OptionalLong> fingerprints = new ArrayList<>(values.size());
            values.forEach(value -> fingerprints.add(fingerprintIn(value)));
            return fingerprints;
        }

        /** The key's fingerprint becomes unknown; whether it had one. */
        boolean forget(String key) {
            if (fingerprintIn(value(key)).isEmpty()) {
                return false;
            }
            withDb(() -> {
                db.put(writeOptions, storeKey(key), UNKNOWN_VALUE);
                return null;
            });
            return true;
        }

        /** Every fingerprint becomes unknown, so the next snapshot publishes every key once. */
        void forgetAll() {
            try (Writes writes = new Writes()) {
                walk((key, value) -> {
                    if (value[0] == KNOWN) {
                        writes.put(key, UNKNOWN_VALUE);
                    }
                });
                writes.finish();
            }
        }

        /**
         * What a snapshot leaves, as {@link SourceState#finish} describes it: a completed one keeps only the keys it
         * listed; every key it listed is added if absent; the fingerprints it published replace the old ones only when
         * {@code acknowledged}. Whether anything was written.
         */
        boolean update(boolean completed, KeyFingerprints seen, boolean acknowledged) {
            size();
            try (Writes writes = new Writes()) {
                KeyFingerprints.Cursor entry = seen.cursor();
                if (completed) {
                    // One pass over what is live removes, marks and updates; only the keys it did not meet are added.
                    BitSet live = new BitSet(seen.size());
                    walk((key, value) -> {
                        int listed = seen.entryOfSku(Arrays.copyOfRange(key, prefix.length, key.length));
                        if (listed < 0) {
                            writes.delete(key);
                            size--;
                            return;
                        }
                        live.set(listed);
                        if (acknowledged && seen.knownAt(listed) && !isKnown(value, seen.fingerprintAt(listed))) {
                            writes.put(key, known(seen.fingerprintAt(listed)));
                        }
                    });
                    while (entry.next()) {
                        if (!live.get(entry.index())) {
                            writes.put(storeKey(entry.key()), valueOf(entry, acknowledged));
                            size++;
                        }
                    }
                } else {
                    while (entry.next()) {
                        byte[] value = value(entry.key());
                        if (value == null) {
                            writes.put(storeKey(entry.key()), valueOf(entry, acknowledged));
                            size++;
                        } else if (acknowledged && entry.known() && !isKnown(value, entry.fingerprint())) {
                            writes.put(storeKey(entry.key()), known(entry.fingerprint()));
                        }
                    }
                }
                return writes.finish();
            }
        }

        /** The keys, read a chunk at a time as an iteration reaches them; changes show through. */
        Set<String> keys() {
            return new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return new KeyIterator();
                }

                @Override
                public int size() {
                    return SourceKeys.this.size();
                }

                @Override
                public boolean contains(Object key) {
                    return key instanceof String string && SourceKeys.this.contains(string);
                }
            };
        }

        private byte[] valueOf(KeyFingerprints.Cursor entry, boolean acknowledged) {
            return acknowledged && entry.known() ? known(entry.fingerprint()) : UNKNOWN_VALUE;
        }

        private byte[] value(String key) {
            byte[] storeKey = storeKey(key);
            return withDb(() -> db.get(storeKey));
        }

        private byte[] storeKey(String key) {
            if (!key.startsWith(keyPrefix)) {
                throw new IllegalArgumentException("'" + key + "' is not a key of " + source);
            }
            byte[] sku = SkuBytes.encode(key, keyPrefix.length());
            byte[] storeKey = Arrays.copyOf(prefix, prefix.length + sku.length);
            System.arraycopy(sku, 0, storeKey, prefix.length, sku.length);
            return storeKey;
        }

        private String keyOf(byte[] storeKey) {
            return keyPrefix.concat(SkuBytes.decode(storeKey, prefix.length, storeKey.length - prefix.length));
        }

        /** Each store key and value of this source, in key order, read a chunk at a time. */
        private void walk(BiConsumer<byte[], byte[]> each) {
            byte[] from = prefix;
            while (from != null) {
                List<byte[][]> chunk = chunkFrom(from);
                chunk.forEach(entry -> each.accept(entry[0], entry[1]));
                from = chunk.size() < CHUNK ? null : after(chunk.get(chunk.size() - 1)[0]);
            }
        }

        /** Up to {@link #CHUNK} entries of this source from {@code from} on: key and value. */
        private List<byte[][]> chunkFrom(byte[] from) {
            return withDb(() -> {
                List<byte[][]> chunk = new ArrayList<>();
                try (RocksIterator entries = db.newIterator()) {
                    for (entries.seek(from);
                            entries.isValid() && chunk.size() < CHUNK && startsWithPrefix(entries.key());
                            entries.next()) {
                        chunk.add(new byte[][] {entries.key(), entries.value()});
                    }
                    entries.status();
                }
                return chunk;
            });
        }

        private boolean startsWithPrefix(byte[] key) {
            return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
        }

        /** The smallest key after {@code key}. */
        private static byte[] after(byte[] key) {
            return Arrays.copyOf(key, key.length + 1);
        }

        private final class KeyIterator implements Iterator<String> {

            private List<byte[][]> chunk = chunkFrom(prefix);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == chunk.size() && chunk.size() == CHUNK) {
                    chunk = chunkFrom(after(chunk.get(CHUNK - 1)[0]));
                    next = 0;
                }
                return next < chunk.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return keyOf(chunk.get(next++)[0]);
            }
        }
    }

    /** Writes in batches of {@link #CHUNK}; {@link #finish} writes the rest and syncs the log. */
    private final class Writes implements AutoCloseable {

        private final WriteBatch batch = new WriteBatch();
        private boolean any;

        void put(byte[] key, byte[] value) {
            withDb(() -> {
                batch.put(key, value);
                return null;
            });
            written();
        }

        void delete(byte[] key) {
            withDb(() -> {
                batch.delete(key);
                return null;
            });
            written();
        }

        private void written() {
            any = true;
            if (batch.count() == CHUNK) {
                write();
            }
        }

        private void write() {
            withDb(() -> {
                db.write(writeOptions, batch);
                return null;
            });
            batch.clear();
        }

        /** Whether anything was written. */
        boolean finish() {
            if (batch.count() > 0) {
                write();
            }
            if (any) {
                withDb(() -> {
                    db.syncWal();
                    return null;
                });
            }
            return any;
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
