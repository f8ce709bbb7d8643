package io.productsync.matcher.system;

import io.productsync.events.Topic;
import io.productsync.events.Topics;
import io.productsync.matcher.matching.BroadcastTopics;
import io.productsync.matcher.matching.RerouteTopics;
import java.util.List;
import java.util.stream.Stream;

/** A topic the matcher reads, and the service that writes and therefore declares it. */
record InputTopic(Topic<String, ?> topic, String declaredBy) {

    static final List<InputTopic> ALL = List.of(
            new InputTopic(Topics.CART_INVENTORY, "inventory-poller"),
            new InputTopic(Topics.WMS_INVENTORY, "inventory-poller"),
            new InputTopic(Topics.CART_CONNECTIONS, "inventory-poller"),
            new InputTopic(Topics.PRODUCT_ALIASES, "sync-report-api"));

    /**
     * What Kafka Streams reads: the inputs, and the broadcast and rerouted topics the matcher declares itself at start
     * and reads back. A source topic the broker does not show yet when Streams first assigns its tasks shuts Streams down
     * (MissingSourceTopicException), so the check waits for these too.
     */
    static final List<InputTopic> READ_BY_STREAMS = Stream.concat(
                    ALL.stream(),
                    Stream.concat(BroadcastTopics.ALL.stream(), RerouteTopics.ALL.stream())
                            .map(topic -> new InputTopic(topic, "sync-matcher itself, at start")))
            .toList();

    String name() {
        return topic.name();
    }
}
