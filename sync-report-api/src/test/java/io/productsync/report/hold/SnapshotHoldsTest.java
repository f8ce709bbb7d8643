package io.productsync.report.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.productsync.events.HoldReason;
import io.productsync.events.SnapshotHeld;
import io.productsync.events.SourceKey;
import io.productsync.events.SourceKind;
import io.productsync.report.TestDatabase;
import io.productsync.report.system.Change;
import io.productsync.report.system.LatestValueProjection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotHoldsTest {

    private static final Instant HELD_SINCE = Instant.parse("2026-11-27T09:20:00Z");

    private final DataSource dataSource = TestDatabase.migrated("holds");
    private final SnapshotHolds holds = new SnapshotHolds(TestDatabase.reads(dataSource));
    private final LatestValueProjection<SourceKey, SnapshotHeld> projection = HoldProjection.holdsProjection(
            new JdbcTemplate(TestDatabase.ingest(dataSource)),
            new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))));

    @BeforeEach
    void aCartOnWmsMain() {
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("TRUNCATE snapshot_holds, carts");
        jdbc.update("INSERT INTO carts VALUES ('acme', 'shop', 'main', true, true, interval '10 seconds', now())");
    }

    @Test
    void aCartIsConcernedByItsOwnHoldAndItsWmssButNotByOtherSources() {
        projection.write(List.of(
                held(SourceKind.CART, "shop", 1),
                held(SourceKind.CART, "outlet", 1),
                held(SourceKind.WMS, "main", 2),
                held(SourceKind.WMS, "other", 1)));

        assertThat(holds.ofCart("acme", "shop"))
                .extracting(SnapshotHoldView::sourceKind, SnapshotHoldView::sourceId)
                .containsExactly(tuple("cart", "shop"), tuple("wms", "main"));
        assertThat(holds.ofTenant("acme")).hasSize(4);
        assertThat(holds.ofTenant("elsewhere")).isEmpty();
    }

    @Test
    void theLatestHoldPerSourceIsShownAndATombstoneEndsIt() {
        projection.write(List.of(held(SourceKind.CART, "shop", 1), held(SourceKind.CART, "shop", 2)));
        SourceKey shop = new SourceKey("acme", SourceKind.CART, "shop");

        assertThat(holds.find(shop)).hasValueSatisfying(hold -> {
            assertThat(hold.heldCycles()).isEqualTo(2);
            assertThat(hold.heldSince()).isEqualTo(HELD_SINCE);
            assertThat(hold.description())
                    .isEqualTo("the last snapshot of the cart 'shop' would have removed 2,501 of 5,000 SKUs; held "
                            + "since 2026-11-27T09:20:00Z (seen 2 of 3 cycles); applied after 3 cycles or when you "
                            + "confirm");
        });

        projection.write(List.of(new Change<>(shop, null)));

        assertThat(holds.find(shop)).isEmpty();
        assertThat(holds.ofCart("acme", "shop")).isEmpty();
    }

    @Test
    void anEmptySnapshotSaysSo() {
        projection.write(List.of(new Change<>(
                new SourceKey("acme", SourceKind.WMS, "main"),
                new SnapshotHeld(
                        UUID.randomUUID(),
                        "acme",
                        SourceKind.WMS,
                        "main",
                        HoldReason.EMPTY_SNAPSHOT,
                        40,
                        40,
                        1,
                        3,
                        HELD_SINCE,
                        HELD_SINCE))));

        assertThat(holds.ofCart("acme", "shop"))
                .singleElement()
                .satisfies(hold -> assertThat(hold.description())
                        .startsWith("the last snapshot of the WMS 'main' was empty and would have removed all 40 of "
                                + "its SKUs"));
    }

    private static Change<SourceKey, SnapshotHeld> held(SourceKind kind, String id, int cycles) {
        var held = new SnapshotHeld(
                UUID.randomUUID(),
                "acme",
                kind,
                id,
                HoldReason.MASS_REMOVAL,
                5000,
                2501,
                cycles,
                3,
                HELD_SINCE,
                HELD_SINCE.plusSeconds(cycles));
        return new Change<>(held.key(), held);
    }
}
