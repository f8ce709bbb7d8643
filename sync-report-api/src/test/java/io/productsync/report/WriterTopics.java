package io.productsync.report;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates the topics this service reads as their writers declare them (sync-matcher: sync-results; inventory-poller:
 * cart-connections, inventory-snapshot-holds, wms-inventory): the service itself declares only what it writes.
 */
final class WriterTopics {

    static final List<Topic<String, ?>> READ_ONLY = List.of(
            Topics.SYNC_RESULTS, Topics.CART_CONNECTIONS, Topics.INVENTORY_SNAPSHOT_HOLDS, Topics.WMS_INVENTORY);

    private WriterTopics() {}

    static void create(String brokers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(READ_ONLY.stream()
                            .map(topic -> topic.declaration(partitions, (short) 1))
                            .toList())
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the writers' topics", e);
        }
    }
}
