package io.productsync.poller.push;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The most recent pushIds already applied, so a redelivered push is recognised; bounded, oldest forgotten first. */
final class AppliedPushes {

    private final Map<UUID, Boolean> recent;

    AppliedPushes(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(UUID pushId) {
        return recent.get(pushId) != null;
    }

    synchronized void add(UUID pushId) {
        recent.put(pushId, Boolean.TRUE);
    }
}
