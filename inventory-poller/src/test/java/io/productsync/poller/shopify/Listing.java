package io.productsync.poller.shopify;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cart to the end the way the poller does: a throttled page is read again after its wait, which here moves
 * the shared clock instead of sleeping.
 */
record Listing(List<Page<CartItem>> pages, List<Duration> waits) {

    static Listing readAll(CartConnector cart, MovableClock clock) {
        List<Page<CartItem>> pages = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        String cursor = null;
        do {
            try {
                Page<CartItem> page = cart.readPage(cursor);
                pages.add(page);
                cursor = page.nextCursor();
            } catch (ThrottledException e) {
                waits.add(e.retryAfter());
                clock.advance(e.retryAfter());
            }
        } while (cursor != null);
        return new Listing(pages, waits);
    }

    List<CartItem> items() {
        return pages.stream().flatMap(page -> page.items().stream()).toList();
    }

    List<String> unreadableSkus() {
        return pages.stream().flatMap(page -> page.unreadableSkus().stream()).toList();
    }
}
