package io.productsync.report.wmssku;

import io.productsync.report.system.TenantReads;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * WMS SKUs a cart SKU without a WMS match may have meant: those of the tenant's WMSes that are the same after ignoring
 * case, white space, dashes and leading zeros ({@link LooseSku}). One query on the normalized index.
 */
@Component
public class WmsSkuSuggestions {

    static final int MAX = 10;

    private final TenantReads reads;

    public WmsSkuSuggestions(TenantReads reads) {
        this.reads = reads;
    }

    /** Up to 10 WMS SKUs in byte order, never the cart SKU itself (an alias to itself is refused). */
    public List<String> forCartSku(String tenantId, String cartSku) {
        return reads.read(
                tenantId,
                jdbc -> jdbc.sql("""
                SELECT DISTINCT sku FROM wms_skus
                WHERE tenant_id = :tenant AND normalized = :normalized AND sku <> :sku
                ORDER BY sku LIMIT :max
                """)
                        .param("tenant", tenantId)
                        .param("normalized", LooseSku.of(cartSku))
                        .param("sku", cartSku)
                        .param("max", MAX)
                        .query(String.class)
                        .list());
    }
}
