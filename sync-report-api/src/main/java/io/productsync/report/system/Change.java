package io.productsync.report.system;

/** One record as read: its parsed key, and its value or ({@code value == null}) a tombstone. */
public record Change<K, V>(K key, V value) {}
