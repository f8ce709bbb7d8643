package io.productsync.events;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue: every producer, listener and stream names its topic through these constants. Inventory,
 * results, aliases, connections and holds are compacted: the latest record per key is what a reader needs, so disk
 * grows with the catalogue, not with time (a cart polled every 10 s for a day keeps one record per SKU). Push commands
 * and removal confirmations are instructions that are stale within hours: kept a day and a week.
 */
public final class Topics {

    public static final Topic<String, CartInventoryObserved> CART_INVENTORY =
            new Topic<>("cart-inventory", Serdes.String(), JsonSerde.of(CartInventoryObserved.class));

    public static final Topic<String, WmsInventoryObserved> WMS_INVENTORY =
            new Topic<>("wms-inventory", Serdes.String(), JsonSerde.of(WmsInventoryObserved.class));

    public static final Topic<String, ProductAliasChanged> PRODUCT_ALIASES =
            new Topic<>("product-aliases", Serdes.String(), JsonSerde.of(ProductAliasChanged.class));

    public static final Topic<String, CartConnectionConfigured> CART_CONNECTIONS =
            new Topic<>("cart-connections", Serdes.String(), JsonSerde.of(CartConnectionConfigured.class));

    public static final Topic<String, WmsConnectionConfigured> WMS_CONNECTIONS =
            new Topic<>("wms-connections", Serdes.String(), JsonSerde.of(WmsConnectionConfigured.class));

    public static final Topic<String, PushCartInventory> CART_INVENTORY_PUSHES = new Topic<>(
            "cart-inventory-pushes", Duration.ofDays(1), Serdes.String(), JsonSerde.of(PushCartInventory.class));

    public static final Topic<String, SkuSyncEvaluated> SYNC_RESULTS =
            new Topic<>("sync-results", Serdes.String(), JsonSerde.of(SkuSyncEvaluated.class));

    public static final Topic<String, SnapshotHeld> INVENTORY_SNAPSHOT_HOLDS =
            new Topic<>("inventory-snapshot-holds", Serdes.String(), JsonSerde.of(SnapshotHeld.class));

    public static final Topic<String, ConfirmSnapshotRemoval> SNAPSHOT_REMOVAL_CONFIRMATIONS = new Topic<>(
            "snapshot-removal-confirmations",
            Duration.ofDays(7),
            Serdes.String(),
            JsonSerde.of(ConfirmSnapshotRemoval.class));

    public static final List<Topic<String, ?>> ALL = List.of(
            CART_INVENTORY,
            WMS_INVENTORY,
            PRODUCT_ALIASES,
            CART_CONNECTIONS,
            WMS_CONNECTIONS,
            CART_INVENTORY_PUSHES,
            SYNC_RESULTS,
            INVENTORY_SNAPSHOT_HOLDS,
            SNAPSHOT_REMOVAL_CONFIRMATIONS);

    private Topics() {}

    /** The catalogue's topic of that name, e.g. to find the dead-letter topic of a record's topic. */
    public static Topic<String, ?> named(String name) {
        return ALL.stream()
                .filter(topic -> topic.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic named '" + name + "' in the catalogue"));
    }
}
