package io.productsync.report.syncstatus;

import io.productsync.events.CartSkuKey;
import java.util.List;

/**
 * Published (as a Spring application event) after a batch of sync results is in product_sync: the SKUs whose rows
 * changed or left the table, so whoever shows them can refresh them without scanning the table.
 */
public record ResultsApplied(List<CartSkuKey> keys) {}
