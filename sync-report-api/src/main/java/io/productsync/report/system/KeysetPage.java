package io.productsync.report.syncstatus;

import java.util.List;

/** A page of rows in SKU order; {@code lastSku} is set only when more rows follow it. */
public record SkuPage<T>(List<T> items, String lastSku) {
}
