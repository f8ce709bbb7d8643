package io.productsync.poller.extensiv;

import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A whole listing read as the poller reads it: first page with a null cursor, then each next cursor until the last. */
record FullRead(Map<String, Long> available, Set<String> unreadableSkus, List<Page<WmsItem>> pages) {

    static FullRead of(WmsConnector connector) {
        Map<String, Long> available = new LinkedHashMap<>();
        Set<String> unreadable = new HashSet<>();
        List<Page<WmsItem>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<WmsItem> page = connector.readPage(cursor);
            pages.add(page);
            page.items().forEach(item -> available.put(item.sku(), item.available()));
            unreadable.addAll(page.unreadableSkus());
            cursor = page.nextCursor();
        } while (cursor != null);
        return new FullRead(available, unreadable, pages);
    }

    List<String> cursors() {
        return pages.stream().map(Page::nextCursor).toList();
    }
}
