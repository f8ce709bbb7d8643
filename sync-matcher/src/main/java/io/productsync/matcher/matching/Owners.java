package io.productsync.matcher.matching;

import io.productsync.events.ProductAliasChanged;
import io.productsync.events.SkuPartitions;

/**
 * Which partition owns what: a WMS row the partition of its SKU, and a cart SKU the partition of the WMS SKU it looks
 * up (its alias target, or its own name), so a cart SKU and its WMS row always meet in one task.
 */
final class Owners {

    private final int partitions;

    Owners(int partitions) {
        this.partitions = partitions;
    }

    int ofWmsSku(String tenantId, String wmsSku) {
        return SkuPartitions.of(tenantId, wmsSku, partitions);
    }

    int ofCartSku(String tenantId, String sku, ProductAliasChanged alias) {
        return ofWmsSku(tenantId, MatchInput.wantedWmsSku(sku, alias));
    }
}
