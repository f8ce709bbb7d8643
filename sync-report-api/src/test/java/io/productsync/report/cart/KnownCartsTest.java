package io.productsync.report.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartKey;
import io.productsync.events.MatchedVia;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.report.TestDatabase;
import io.productsync.report.syncstatus.SyncRows;
import io.productsync.report.system.Change;
import io.productsync.report.system.LatestValueProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownCartsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final DataSource dataSource = TestDatabase.migrated("carts");
    private final KnownCarts carts = new KnownCarts(TestDatabase.reads(dataSource), TestDatabase.ingest(dataSource));
    private final LatestValueProjection<CartKey, CartConnectionConfigured> projection = CartProjection.cartsProjection(
            new JdbcTemplate(TestDatabase.ingest(dataSource)),
            new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));

    @Test
    void aConnectedCartAndItsTenantAreKnownUntilDisconnected() {
        projection.write(List.of(connected("north", "shop"), connected("north", "outlet")));

        assertThat(carts.tenantKnown("north")).isTrue();
        assertThat(carts.cartKnown("north", "shop")).isTrue();
        assertThat(carts.cartKnown("north", "elsewhere")).isFalse();

        projection.write(List.of(new Change<>(new CartKey("north", "shop"), null)));

        assertThat(carts.cartKnown("north", "shop")).isFalse();
        assertThat(carts.cartKnown("north", "outlet")).isTrue();
    }

    @Test
    void theListOfTenantsCrossesTenantsThoughEachTenantsRowsDoNot() {
        projection.write(List.of(connected("east", "shop"), connected("west", "shop")));

        // Row-level security: the web role sees another tenant's cart in no transaction; the list (ids only) sees both.
        assertThat(carts.cartKnown("east", "shop")).isTrue();
        Long eastSeenByWest = TestDatabase.reads(dataSource)
                .read(
                        "west",
                        jdbc -> jdbc.sql("SELECT count(*) FROM carts WHERE tenant_id = 'east'")
                                .query(Long.class)
                                .single());
        assertThat(eastSeenByWest).isZero();
        assertThat(carts.tenants()).contains("east", "west");
    }

    @Test
    void aCartWithSyncRowsIsKnownBeforeItsConnectionIsRead() {
        SyncRows.write(
                dataSource,
                List.of(new SkuSyncEvaluated(
                        UUID.randomUUID(),
                        "south",
                        "shop",
                        "A",
                        true,
                        SyncOutcome.VERIFIED,
                        null,
                        null,
                        "A",
                        MatchedVia.SKU,
                        1L,
                        1L,
                        null,
                        NOW,
                        NOW)));

        assertThat(carts.tenantKnown("south")).isTrue();
        assertThat(carts.cartKnown("south", "shop")).isTrue();
        assertThat(carts.tenantKnown("west")).isFalse();
    }

    @Test
    void theLastConnectionPerCartInABatchWins() {
        projection.write(List.of(
                connected("east", "shop"), new Change<>(new CartKey("east", "shop"), null), connected("east", "shop")));

        assertThat(carts.cartKnown("east", "shop")).isTrue();
    }

    private static Change<CartKey, CartConnectionConfigured> connected(String tenant, String cart) {
        var connection = new CartConnectionConfigured(tenant, cart, "main", true, true, Duration.ofSeconds(10), NOW);
        return new Change<>(connection.key(), connection);
    }
}
