package io.productsync.matcher.matching;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.JsonSerde;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topic;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The matcher's own compacted topics: every alias and connection, copied to every partition, so each task keeps its
 * own table of them (each task works out which partition owns a cart SKU from its alias). Each is read back as a table whose changelog is the
 * topic itself (no second copy). Declared by the matcher with the inputs' partition count; renaming one loses the
 * tables.
 */
public final class BroadcastTopics {

    public static final Topic<String, ProductAliasChanged> ALIASES = new Topic<>(
            "sync-matcher-product-aliases-broadcast", Serdes.String(), JsonSerde.of(ProductAliasChanged.class));

    public static final Topic<String, CartConnectionConfigured> CONNECTIONS = new Topic<>(
            "sync-matcher-cart-connections-broadcast", Serdes.String(), JsonSerde.of(CartConnectionConfigured.class));

    public static final List<Topic<String, ?>> ALL = List.of(ALIASES, CONNECTIONS);

    private BroadcastTopics() {}
}
