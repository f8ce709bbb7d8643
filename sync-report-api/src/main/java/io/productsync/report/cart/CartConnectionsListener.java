package io.productsync.report.cart;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.report.system.RecordBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the carts table in step with the compacted cart-connections topic; a tombstone disconnects the cart. */
@Component
class CartConnectionsListener {

    private final KnownCarts carts;

    CartConnectionsListener(KnownCarts carts) {
        this.carts = carts;
    }

    @KafkaListener(
            id = "sync-report-api-cart-connections",
            topics = "#{T(io.productsync.events.Topics).CART_CONNECTIONS.name()}",
            groupId = "sync-report-api",
            containerFactory = "cartConnectionsContainerFactory")
    void onConnections(List<ConsumerRecord<String, CartConnectionConfigured>> records) {
        RecordBatches.applyReadable(records, CartConnectionsListener::read, carts::apply);
    }

    private static CartChange read(ConsumerRecord<String, CartConnectionConfigured> record) {
        CartConnectionConfigured connection = record.value();
        return new CartChange(connection == null ? CartKey.parse(record.key()) : connection.key(), connection);
    }

    record CartChange(CartKey key, CartConnectionConfigured connection) {}
}
