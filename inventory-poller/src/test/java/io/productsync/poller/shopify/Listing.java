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
        return readAll(cart, clock, null);
    }

    /** The rest of a listing, from {@code cursor} on. */
    static Listing readAll(CartConnector cart, MovableClock clock, String cursor) {
        return read(cart, clock, cursor, Integer.MAX_VALUE);
    }

    /** At most {@code count} pages from {@code cursor} on, fewer if the listing ends first. */
    static Listing read(CartConnector cart, MovableClock clock, String cursor, int count) {
        List<Page<CartItem>> pages = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        boolean last = false;
        while (!last && pages.size() < count) {
            try {
                Page<CartItem> page = cart.readPage(cursor);
                pages.add(page);
                cursor = page.nextCursor();
                last = page.isLast();
            } catch (ThrottledException e) {
                waits.add(e.retryAfter());
                clock.advance(e.retryAfter());
            }
        }
        return new Listing(pages, waits);
    }

    Page<CartItem> lastPage() {
        return pages.get(pages.size() - 1);
    }

    List<CartItem> items() {
        return pages.stream().flatMap(page -> page.items().stream()).toList();
    }

    List<String> unreadableSkus() {
        return pages.stream().flatMap(page -> page.unreadableSkus().stream()).toList();
    }
}
