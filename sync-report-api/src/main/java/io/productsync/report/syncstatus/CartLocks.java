package io.productsync.report.syncstatus;

import io.productsync.events.CartKey;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One writer at a time per cart: the listener's consumers each write a share of a cart's partitions, and two
 * transactions that change one cart's rows and summary counts in several statements could otherwise lock them in
 * opposite orders and deadlock. Each transaction first takes a transaction-scoped advisory lock per cart it writes, all
 * in one ascending order of their ids, so writers of one cart queue and a batch waits only for those sharing a cart.
 */
final class CartLocks {

    // unnest keeps the array's order, and the locks are taken row by row in it.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(id) FROM unnest(?::bigint[]) AS id";

    private final JdbcTemplate jdbc;

    CartLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside the writer's transaction; held until it ends. */
    void lock(Collection<CartKey> carts) {
        if (carts.isEmpty()) {
            return;
        }
        TreeSet<Long> ids = new TreeSet<>();
        for (CartKey cart : carts) {
            ids.add(id(cart));
        }
        jdbc.query(LOCK, row -> {}, (Object) ids.toArray(Long[]::new));
    }

    /** 64 bits of the key's MD5: two carts that shared an id would only queue behind each other. */
    private static long id(CartKey cart) {
        return UUID.nameUUIDFromBytes(cart.value().getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }
}
