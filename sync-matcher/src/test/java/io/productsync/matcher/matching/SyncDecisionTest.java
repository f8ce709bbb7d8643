package io.productsync.matcher.matching;

import static io.productsync.matcher.matching.Events.T0;
import static io.productsync.matcher.matching.Events.alias;
import static io.productsync.matcher.matching.Events.cart;
import static io.productsync.matcher.matching.Events.connection;
import static io.productsync.matcher.matching.Events.wms;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.MatchedVia;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.events.WmsInventoryObserved;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules as a pure function: their order, the match, the target and the push id. */
class SyncDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final CartInventoryObserved cart = cart("shop", "sku-1", 5, T0);

    @Test
    void checksSyncSwitchBeforeInventoryAndProductFlags() {
        CartInventoryObserved untrackedInactive = cart("shop", "sku-1", 5, T0, false, false);

        SkuSyncEvaluated result =
                result(new MatchInput(untrackedInactive, connection("shop", false, false), null, wms("sku-1", 5, T0)));

        assertThat(result.reason()).isEqualTo(SyncReason.SYNC_DISABLED);
        assertThat(result.inventoryEnabled()).isFalse();
        assertThat(result.matchedWmsSku()).isEqualTo("sku-1");
        assertThat(result.wmsQuantity()).isEqualTo(5);
        assertThat(result.evaluatedAt()).isEqualTo(NOW);
    }

    @Test
    void checksSyncSwitchBeforeADuplicateSku() {
        CartInventoryObserved duplicate = Events.listed("shop", "sku-1", 5, T0, 2);

        assertThat(result(new MatchInput(duplicate, connection("shop", false, true), null, wms("sku-1", 9, T0)))
                        .reason())
                .isEqualTo(SyncReason.SYNC_DISABLED);
    }

    @Test
    void checksADuplicateSkuBeforeTheFlagsOfItsFirstListing() {
        CartInventoryObserved untrackedDuplicate =
                new CartInventoryObserved(cart.eventId(), "acme", "shop", "sku-1", false, false, 5, T0, 3);

        SkuSyncEvaluated result =
                result(new MatchInput(untrackedDuplicate, connection("shop"), null, wms("sku-1", 9, T0)));

        assertThat(result.outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
        assertThat(result.reason()).isEqualTo(SyncReason.DUPLICATE_CART_SKU);
        assertThat(result.detail()).isEqualTo("the cart lists this SKU 3 times");
        assertThat(result.inventoryEnabled()).isFalse();
    }

    @Test
    void checksInventoryFlagBeforeProductFlag() {
        CartInventoryObserved untrackedInactive = cart("shop", "sku-1", 5, T0, false, false);

        assertThat(result(new MatchInput(untrackedInactive, connection("shop"), null, null))
                        .reason())
                .isEqualTo(SyncReason.INVENTORY_DISABLED);
    }

    @Test
    void checksProductFlagBeforeWmsMatch() {
        CartInventoryObserved inactive = cart("shop", "sku-1", 5, T0, true, false);

        assertThat(result(new MatchInput(inactive, connection("shop"), null, null))
                        .reason())
                .isEqualTo(SyncReason.PRODUCT_DISABLED);
    }

    @Test
    void ignoresWmsRowThatIsNotTheAliasTarget() {
        MatchInput input = new MatchInput(cart, connection("shop"), alias("sku-1", "wms-sku-1"), wms("sku-1", 5, T0));

        SkuSyncEvaluated result = result(input);

        assertThat(result.reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
        assertThat(result.matchedWmsSku()).isNull();
        assertThat(result.matchedVia()).isNull();
    }

    @Test
    void verifiesThroughAliasWithCartObservationAsSyncTime() {
        MatchInput input = new MatchInput(
                cart, connection("shop"), alias("sku-1", "wms-sku-1"), wms("wms-sku-1", 5, T0.plusSeconds(9)));

        SkuSyncEvaluated result = result(input);

        assertThat(result.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(result.syncedAt()).isEqualTo(cart.observedAt());
        assertThat(result.matchedVia()).isEqualTo(MatchedVia.ALIAS);
    }

    @Test
    void pushesNeverBelowZero() {
        PushCartInventory push = push(new MatchInput(cart, connection("shop"), null, wms("sku-1", -4, T0)));

        assertThat(push.targetQuantity()).isZero();
        assertThat(push.expectedQuantity()).isEqualTo(5);
        assertThat(push.wmsQuantity()).isEqualTo(-4);
        assertThat(push.issuedAt()).isEqualTo(NOW);
    }

    @Test
    void derivesPushIdFromCartObservationAndTargetOnly() {
        WmsInventoryObserved nine = wms("sku-1", 9, T0);
        PushCartInventory first = push(new MatchInput(cart, connection("shop"), null, nine));
        PushCartInventory later = push(
                new MatchInput(cart, connection("shop"), null, wms("sku-1", 9, T0.plusSeconds(60))),
                NOW.plusSeconds(60));
        PushCartInventory otherTarget = push(new MatchInput(cart, connection("shop"), null, wms("sku-1", 8, T0)));
        PushCartInventory otherObservation =
                push(new MatchInput(cart("shop", "sku-1", 5, T0), connection("shop"), null, nine));

        assertThat(later.pushId()).isEqualTo(first.pushId());
        assertThat(otherTarget.pushId()).isNotEqualTo(first.pushId());
        assertThat(otherObservation.pushId()).isNotEqualTo(first.pushId());
    }

    private static SkuSyncEvaluated result(MatchInput input) {
        Decision decision = SyncDecision.decide(input, NOW);
        assertThat(decision).isInstanceOf(Decision.Result.class);
        return ((Decision.Result) decision).event();
    }

    private static PushCartInventory push(MatchInput input) {
        return push(input, NOW);
    }

    private static PushCartInventory push(MatchInput input, Instant now) {
        Decision decision = SyncDecision.decide(input, now);
        assertThat(decision).isInstanceOf(Decision.Push.class);
        return ((Decision.Push) decision).command();
    }
}
