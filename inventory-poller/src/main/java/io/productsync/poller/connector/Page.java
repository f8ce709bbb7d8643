package io.productsync.poller.connector;

import java.util.List;
import java.util.Set;

/**
 * One page of a connector listing. {@code nextCursor} is opaque to the caller (a GraphQL end cursor, a page number, a
 * row offset) and null on the last page. {@code unreadableSkus} exist at the source but could not be read this time
 * (a bad row, a null quantity): they are neither published nor treated as gone.
 */
public record Page<T>(List<T> items, Set<String> unreadableSkus, String nextCursor) {

    public Page {
        items = List.copyOf(items);
        unreadableSkus = Set.copyOf(unreadableSkus);
    }

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Set.of(), nextCursor);
    }

    public static <T> Page<T> last(List<T> items) {
        return of(items, null);
    }

    public boolean isLast() {
        return nextCursor == null;
    }
}
