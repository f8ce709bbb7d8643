package io.productsync.matcher.matching;

import io.productsync.events.Topic;

/**
 * Every processor, store and internal topic name of the matcher. Renaming one of these drops its state on the next
 * deploy (a new changelog or subscription topic starts empty), so change them only with a reset plan.
 */
public final class TopologyNames {

    public static final String CART_GUARD_STORE = "cart-inventory-newest-store";
    public static final String WMS_GUARD_STORE = "wms-inventory-newest-store";
    public static final String CART_TABLE_STORE = "cart-inventory-store";
    public static final String WMS_TABLE_STORE = "wms-inventory-store";
    public static final String ALIAS_TABLE_STORE = "product-aliases-store";
    public static final String CONNECTION_TABLE_STORE = "cart-connections-store";

    public static final String CONNECTION_JOIN = "cart-connection-join";
    public static final String CONNECTION_JOIN_STORE = "cart-connection-join-store";
    public static final String ALIAS_JOIN = "cart-alias-join";
    public static final String ALIAS_JOIN_STORE = "cart-alias-join-store";
    public static final String WMS_JOIN = "cart-wms-join";
    public static final String WMS_JOIN_STORE = "cart-wms-join-store";

    static final String MATCHED_TO_STREAM = "matched-to-stream";
    static final String DECIDE = "decide-sync";
    static final String DECISION_SPLIT = "decision-";
    static final String PUSH_BRANCH = "push";
    static final String RESULT_BRANCH = "result";
    static final String PUSH_COMMAND = "push-command";
    static final String RESULT_EVENT = "result-event";
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

    static String guard(Topic<?, ?> topic) {
        return topic.name() + "-newest-only";
    }

    static String toTable(Topic<?, ?> topic) {
        return topic.name() + "-to-table";
    }
}
