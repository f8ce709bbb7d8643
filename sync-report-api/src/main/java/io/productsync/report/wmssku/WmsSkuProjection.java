package io.productsync.report.wmssku;

import io.productsync.events.Topics;
import io.productsync.events.WmsInventoryObserved;
import io.productsync.events.WmsSkuKey;
import io.productsync.report.system.Ingest;
import io.productsync.report.system.KeyedTopic;
import io.productsync.report.system.LatestValueProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wms_skus table: which SKUs each WMS holds now, from wms-inventory. Only presence matters here, so a SKU already
 * known costs an index probe and no write (every poll publishes every SKU again); a tombstone removes the SKU.
 */
@Configuration(proxyBeanMethods = false)
class WmsSkuProjection {

    static final KeyedTopic<WmsSkuKey, WmsInventoryObserved> TOPIC = new KeyedTopic<>(
            Topics.WMS_INVENTORY, WmsSkuKey::parse, observed -> observed.key().value());

    static final LatestValueProjection.Table<WmsSkuKey, WmsInventoryObserved> TABLE = new LatestValueProjection.Table<>(
            "DELETE FROM wms_skus WHERE tenant_id = ? AND wms_id = ? AND sku = ?",
            (ps, key) -> {
                ps.setString(1, key.tenantId());
                ps.setString(2, key.wmsId());
                ps.setString(3, key.sku());
            },
            """
                    INSERT INTO wms_skus (tenant_id, wms_id, sku, normalized) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, wms_id, sku) DO NOTHING
                    """,
            (ps, observed) -> {
                ps.setString(1, observed.tenantId());
                ps.setString(2, observed.wmsId());
                ps.setString(3, observed.sku());
                ps.setString(4, LooseSku.of(observed.sku()));
            });

    @Bean
    static LatestValueProjection<WmsSkuKey, WmsInventoryObserved> wmsSkusProjection(
            @Ingest JdbcTemplate jdbc, @Ingest TransactionTemplate transaction) {
        return new LatestValueProjection<>(TOPIC, TABLE, jdbc, transaction);
    }
}
