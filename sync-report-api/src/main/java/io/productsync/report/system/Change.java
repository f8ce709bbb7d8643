package io.productsync.report.system;

/**
 * One record as read: its parsed key, its value or ({@code value == null}) a tombstone, and the partition it was read
 * from (0 where no partition matters).
 */
public record Change<K, V>(K key, V value, int partition) {

    public Change(K key, V value) {
        this(key, value, 0);
    }
}
