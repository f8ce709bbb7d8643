package io.productsync.report.system;

import java.util.List;
import java.util.function.Function;

/** A page of rows in key order; {@code lastKey} is set only when more rows follow it. */
public record KeysetPage<T>(List<T> items, String lastKey) {

    /** From a query that asked for {@code limit + 1} rows: the extra row only tells that more follow. */
    public static <T> KeysetPage<T> of(List<T> rows, int limit, Function<T, String> key) {
        if (rows.size() <= limit) {
            return new KeysetPage<>(rows, null);
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new KeysetPage<>(page, key.apply(page.get(limit - 1)));
    }
}
