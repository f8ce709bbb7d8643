package io.productsync.report.alias;

import io.productsync.events.AliasKey;
import io.productsync.events.ProductAliasChanged;
import io.productsync.report.system.RecordBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the aliases read model in step with the compacted product-aliases topic. */
@Component
class ProductAliasesListener {

    private final AliasReadModel aliases;

    ProductAliasesListener(AliasReadModel aliases) {
        this.aliases = aliases;
    }

    @KafkaListener(
            id = "sync-report-api-product-aliases",
            topics = "#{T(io.productsync.events.Topics).PRODUCT_ALIASES.name()}",
            groupId = "sync-report-api",
            containerFactory = "productAliasesContainerFactory")
    void onAliases(List<ConsumerRecord<String, ProductAliasChanged>> records) {
        RecordBatches.applyReadable(records, ProductAliasesListener::read, aliases::apply);
    }

    private static AliasChange read(ConsumerRecord<String, ProductAliasChanged> record) {
        ProductAliasChanged change = record.value();
        return new AliasChange(change == null ? AliasKey.parse(record.key()) : change.key(), change);
    }

    record AliasChange(AliasKey key, ProductAliasChanged change) {}
}
