package io.productsync.matcher.system;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this instance together: one block cache of
 * {@link #TOTAL_BYTES} shared by all stores, holding their index and filter blocks too, with the memtables charged to
 * it through one write buffer manager. Without it each store takes its own cache and up to three 16 MB memtables, so
 * memory grows with the number of stores and partitions, not with what is needed.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_BYTES = 64L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    // Shared by every store of the JVM, so created once and never closed by a store.
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_AND_FILTER_SHARE);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared: closing them here would break the other stores.
    }
}
