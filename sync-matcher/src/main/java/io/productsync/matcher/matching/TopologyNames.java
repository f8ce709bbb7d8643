package io.productsync.matcher.matching;

import io.productsync.events.Topic;

/**
 * Every processor and store name of the matcher. Renaming a store drops its state on the next deploy (a new changelog
 * starts empty), so change them only with a reset plan; the broadcast tables' topics are named in
 * {@link BroadcastTopics}, the rerouted inputs' in {@link RerouteTopics}.
 */
public final class TopologyNames {

    public static final String ALIAS_TABLE_STORE = "product-aliases-store";
    public static final String CONNECTION_TABLE_STORE = "cart-connections-store";

    public static final String CART_STORE = "cart-skus-store";
    public static final String WMS_ROW_STORE = "wms-rows-store";
    public static final String WMS_INDEX_STORE = "wms-sku-carts-store";
    public static final String PENDING_PUSH_STORE = "pending-pushes-store";
    public static final String CART_CYCLE_STORE = "cart-cycles-store";

    static final String MERGE_WMS = "merge-wms-changes";
    static final String MERGE_ALIASES = "merge-alias-changes";
    static final String MERGE_CONNECTIONS = "merge-connection-changes";
    static final String MATCH = "match-cart-skus";
    static final String DECISION_SPLIT = "decision-";
    static final String PUSH_BRANCH = "push";
    static final String REROUTE_BRANCH = "reroute";
    static final String RESULT_BRANCH = "result";
    static final String PUSH_SINK = "cart-inventory-pushes-sink";
    static final String RESULT_SINK = "sync-results-sink";

    private TopologyNames() {}

    static String source(Topic<?, ?> topic) {
        return topic.name() + "-source";
    }

    static String parse(Topic<?, ?> topic) {
        return topic.name() + "-parse";
    }

    static String validFilter(Topic<?, ?> topic) {
        return topic.name() + "-valid";
    }

    static String validValue(Topic<?, ?> topic) {
        return topic.name() + "-valid-value";
    }

    static String deadLetterFilter(Topic<?, ?> topic) {
        return topic.name() + "-invalid";
    }

    static String deadLetterRaw(Topic<?, ?> topic) {
        return topic.name() + "-invalid-raw";
    }

    static String deadLetterSink(Topic<?, ?> topic) {
        return topic.name() + "-dlt-sink";
    }

    static String place(Topic<?, ?> topic) {
        return topic.name() + "-place";
    }

    static String elsewhere(Topic<?, ?> topic) {
        return topic.name() + "-elsewhere";
    }

    static String here(Topic<?, ?> topic) {
        return topic.name() + "-here";
    }

    static String placedValue(Topic<?, ?> topic) {
        return topic.name() + "-placed-value";
    }

    static String guard(Topic<?, ?> topic) {
        return topic.name() + "-newest-only";
    }

    static String serialize(Topic<?, ?> topic) {
        return topic.name() + "-serialize";
    }

    /** The sink of one of the matcher's own topics (broadcast or rerouted). */
    static String sink(Topic<?, ?> topic) {
        return topic.name() + "-sink";
    }

    static String toStream(Topic<?, ?> topic) {
        return topic.name() + "-to-stream";
    }

    static String change(Topic<?, ?> topic) {
        return topic.name() + "-change";
    }
}
