package io.productsync.poller.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery ids of the last webhooks taken, per cart, so a delivery the vendor sends again (it retries whatever it
 * did not see answered) is taken once. Bounded: the oldest ids are forgotten first; a repeat that old is read again,
 * which is harmless (the items are read from the cart, not from the delivery).
 */
final class RecentDeliveries {

    private final Map<String, Boolean> ids;

    RecentDeliveries(int remembered) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** True the first time {@code deliveryId} of {@code source} is offered. */
    synchronized boolean first(String source, String deliveryId) {
        return ids.putIfAbsent(source + "\n" + deliveryId, Boolean.TRUE) == null;
    }

    /** Forgets a delivery that could not be taken, so its retry is. */
    synchronized void forget(String source, String deliveryId) {
        ids.remove(source + "\n" + deliveryId);
    }
}
