package io.productsync.report.syncstatus;

/** The SKUs from {@code first} to {@code last}, both included, in byte order; null: no bound on that side. */
public record SkuRange(String first, String last) {}
