package io.productsync.poller.sandbox;

import java.util.List;

/**
 * One CSV record: the line it starts on (1-based), its fields, and its exact text without the line break, so a rewrite
 * can keep every record it does not change byte for byte. {@code error} is set when the record is malformed.
 */
record CsvRecord(int line, List<String> fields, String raw, String error) {

    boolean blank() {
        return raw.isEmpty();
    }
}
