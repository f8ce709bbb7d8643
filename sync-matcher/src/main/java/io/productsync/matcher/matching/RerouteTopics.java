package io.productsync.matcher.matching;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topic;
import io.productsync.events.WmsInventoryObserved;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The matcher's own compacted topics for input records read on a partition that does not own them: a cart SKU is
 * owned by the partition of the SKU it looks up in the WMS ({@link Owners}), which only the matcher knows (aliases), and
 * a record written before the inputs were partitioned by SKU sits on another partition. Read back like the inputs
 * they stand for, in their format; declared by the matcher with the inputs' partition count.
 */
public final class RerouteTopics {

    public static final Topic<String, CartInventoryObserved> CART = new Topic<>(
            "sync-matcher-cart-inventory-rerouted", Serdes.String(), JsonSerde.of(CartInventoryObserved.class));

    public static final Topic<String, WmsInventoryObserved> WMS = new Topic<>(
            "sync-matcher-wms-inventory-rerouted", Serdes.String(), JsonSerde.of(WmsInventoryObserved.class));

    public static final List<Topic<String, ?>> ALL = List.of(CART, WMS);

    private RerouteTopics() {}
}
