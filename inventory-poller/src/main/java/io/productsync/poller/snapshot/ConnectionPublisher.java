package io.productsync.poller.snapshot;

import io.productsync.events.CartKey;
import io.productsync.events.Topics;
import io.productsync.poller.connector.Connection;
import io.productsync.poller.system.TopicSender;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes each connection to the compacted {@code cart-connections} when it is first seen (so once on startup) or
 * changes, and a tombstone when its cart disappears. A failed send is forgotten, so the next cycle sends it again.
 * Only connections the poller finds itself (the sandbox folder); those configured through the API are on the topic
 * already, written by the API.
 */
@Component
final class ConnectionPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPublisher.class);

    private final TopicSender sender;
    private final Map<CartKey, Connection> published = new ConcurrentHashMap<>();

    ConnectionPublisher(TopicSender sender) {
        this.sender = sender;
    }

    /** Connections configured through the API are the API's to publish: republished here, they would lose platform. */
    void publish(List<Connection> current, Instant now) {
        Set<CartKey> present = new HashSet<>();
        for (Connection connection : current) {
            if (connection.configuredThroughApi()) {
                continue;
            }
            CartKey cart = connection.cart();
            present.add(cart);
            if (!connection.equals(published.put(cart, connection))) {
                log.info("cart {} connected: {}", cart.value(), connection);
                sender.send(Topics.CART_CONNECTIONS, cart.value(), connection.configuredAt(now), now)
                        .whenComplete((sent, failure) -> {
                            if (failure != null) {
                                published.remove(cart, connection);
                            }
                        });
            }
        }
        for (CartKey cart : Set.copyOf(published.keySet())) {
            if (!present.contains(cart)) {
                Connection gone = published.remove(cart);
                log.info("cart {} disconnected", cart.value());
                sender.send(Topics.CART_CONNECTIONS, cart.value(), null, now).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        published.putIfAbsent(cart, gone);
                    }
                });
            }
        }
    }
}
