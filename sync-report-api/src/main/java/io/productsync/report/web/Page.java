package io.productsync.report.web;

import java.util.List;

/** A keyset page: pass {@code next} as {@code after} to read on; null when this is the last page. */
record Page<T>(List<T> items, String next) {
}
