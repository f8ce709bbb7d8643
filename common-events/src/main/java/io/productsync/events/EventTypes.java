package io.productsync.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A topic carries one main record type; a record of another type on it (a cycle fact that must stay in order with the
 * SKU records around it) says so in the {@link #HEADER} header. No header means the topic's main type.
 */
public final class EventTypes {

    public static final String HEADER = "event-type";
    /** {@link CartCycleCompleted} on {@code cart-inventory}. */
    public static final String CART_CYCLE_COMPLETED = "CartCycleCompleted";
    /** {@link CartCycleVerified} on {@code sync-results}. */
    public static final String CART_CYCLE_VERIFIED = "CartCycleVerified";

    private EventTypes() {}

    /** The record's type from its headers, or null for the topic's main type. */
    public static String of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Headers mark(Headers headers, String type) {
        headers.remove(HEADER);
        return headers.add(HEADER, type.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean is(Headers headers, String type) {
        return type.equals(of(headers));
    }
}
