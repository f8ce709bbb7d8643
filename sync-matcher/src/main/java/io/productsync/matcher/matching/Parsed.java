package io.productsync.matcher.matching;

/** A raw input record after parsing: either its event (null for a tombstone) or, if unreadable, its raw bytes. */
record Parsed<V>(V value, byte[] raw, boolean valid) {

    static <V> Parsed<V> valid(V value) {
        return new Parsed<>(value, null, true);
    }

    static <V> Parsed<V> deadLetter(byte[] raw) {
        return new Parsed<>(null, raw, false);
    }
}
