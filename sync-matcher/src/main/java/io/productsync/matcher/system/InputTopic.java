package io.productsync.matcher.system;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.List;

/** A topic the matcher reads, and the service that writes and therefore declares it. */
record InputTopic(Topic<String, ?> topic, String declaredBy) {

    static final List<InputTopic> ALL = List.of(
            new InputTopic(Topics.CART_INVENTORY, "inventory-poller"),
            new InputTopic(Topics.WMS_INVENTORY, "inventory-poller"),
            new InputTopic(Topics.CART_CONNECTIONS, "inventory-poller"),
            new InputTopic(Topics.PRODUCT_ALIASES, "sync-report-api"));

    String name() {
        return topic.name();
    }
}
