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
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each decision rule, end to end through the join chain. */
class SyncTopologyRulesTest {

    @RegisterExtension
    final MatcherDriver matcher = new MatcherDriver();

    @Test
    void reportsSyncDisabledWhenCartSideSyncIsOff() {
        matcher.connection(connection("shop", false, true), T0);
        matcher.wms(wms("sku-1", 5, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(1)));

        assertThat(lastResult()).satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
            assertThat(result.reason()).isEqualTo(SyncReason.SYNC_DISABLED);
            assertThat(result.syncedAt()).isNull();
        });
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reportsSyncDisabledWhenWmsSideSyncIsOff() {
        matcher.connection(connection("shop", true, false), T0);
        matcher.wms(wms("sku-1", 7, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(1)));

        assertThat(lastResult().reason()).isEqualTo(SyncReason.SYNC_DISABLED);
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reportsInventoryDisabledWhenCartDoesNotTrackInventory() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 7, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(1), false, true));

        SkuSyncEvaluated result = lastResult();
        assertThat(result.reason()).isEqualTo(SyncReason.INVENTORY_DISABLED);
        assertThat(result.inventoryEnabled()).isFalse();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reportsProductDisabledWhenProductIsInactive() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 7, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(1), true, false));

        SkuSyncEvaluated result = lastResult();
        assertThat(result.reason()).isEqualTo(SyncReason.PRODUCT_DISABLED);
        assertThat(result.inventoryEnabled()).isTrue();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reportsDuplicateCartSkuAndNeverPushesToIt() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(Events.listed("shop", "sku-1", 5, T0.plusSeconds(1), 2));

        SkuSyncEvaluated result = lastResult();
        assertThat(result.outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
        assertThat(result.reason()).isEqualTo(SyncReason.DUPLICATE_CART_SKU);
        assertThat(result.detail()).isEqualTo("the cart lists this SKU 2 times");
        assertThat(result.cartQuantity()).isEqualTo(5);
        assertThat(result.matchedWmsSku()).isEqualTo("sku-1");
        assertThat(result.matchedVia()).isEqualTo(MatchedVia.SKU);
        assertThat(result.wmsQuantity()).isEqualTo(9);
        assertThat(result.syncedAt()).isNull();
        assertThat(result.pushedQuantity()).isNull();
        assertThat(result.evaluatedAt()).isEqualTo(matcher.clock.instant());
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void neverVerifiesADuplicateCartSkuEvenAtTheWmsQuantity() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 5, T0));
        matcher.cart(Events.listed("shop", "sku-1", 5, T0.plusSeconds(1), 2));

        assertThat(matcher.verdicts()).containsExactly("DUPLICATE_CART_SKU");
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reportsNoWmsMatchWhenWmsHasNoSuchSku() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("other-sku", 7, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(1)));

        SkuSyncEvaluated result = lastResult();
        assertThat(result.reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
        assertThat(result.matchedWmsSku()).isNull();
        assertThat(result.wmsQuantity()).isNull();
        assertThat(result.cartQuantity()).isEqualTo(5);
    }

    @Test
    void reportsNoWmsMatchWhenAliasPointsToMissingSkuEvenThoughExactSkuExists() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 5, T0));
        matcher.alias(alias("sku-1", "wms-missing"), T0);
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(1)));

        assertThat(lastResult().reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void verifiesExactSkuMatchWithSyncedAtFromCartObservation() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 5, T0));
        CartInventoryObserved cart = cart("shop", "sku-1", 5, T0.plusSeconds(30));
        matcher.cart(cart);

        List<TestRecord<String, SkuSyncEvaluated>> results = matcher.results();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).key()).isEqualTo("acme/shop/sku-1");
        SkuSyncEvaluated result = results.get(0).value();
        assertThat(result.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(result.reason()).isNull();
        assertThat(result.syncedAt()).isEqualTo(cart.observedAt());
        assertThat(result.evaluatedAt()).isEqualTo(matcher.clock.instant());
        assertThat(result.matchedWmsSku()).isEqualTo("sku-1");
        assertThat(result.matchedVia()).isEqualTo(MatchedVia.SKU);
        assertThat(result.cartQuantity()).isEqualTo(5);
        assertThat(result.wmsQuantity()).isEqualTo(5);
        assertThat(result.inventoryEnabled()).isTrue();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void pushesWmsQuantityWhenCartDiffers() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 9, T0));
        CartInventoryObserved cart = cart("shop", "sku-1", 5, T0.plusSeconds(30));
        matcher.cart(cart);

        assertThat(matcher.results()).isEmpty();
        List<TestRecord<String, PushCartInventory>> pushes = matcher.pushes();
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).key()).isEqualTo("acme/shop/sku-1");
        PushCartInventory push = pushes.get(0).value();
        assertThat(push.expectedQuantity()).isEqualTo(5);
        assertThat(push.targetQuantity()).isEqualTo(9);
        assertThat(push.wmsQuantity()).isEqualTo(9);
        assertThat(push.issuedAt()).isEqualTo(matcher.clock.instant());
        assertThat(push.cartObservedAt()).isEqualTo(cart.observedAt());
        assertThat(push.matchedWmsSku()).isEqualTo("sku-1");
        assertThat(push.matchedVia()).isEqualTo(MatchedVia.SKU);
    }

    @Test
    void pushesZeroWhenWmsAvailableIsNegative() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", -3, T0));
        matcher.cart(cart("shop", "sku-1", 2, T0.plusSeconds(30)));

        PushCartInventory push = lastPush();
        assertThat(push.targetQuantity()).isZero();
        assertThat(push.wmsQuantity()).isEqualTo(-3);
    }

    @Test
    void verifiesZeroCartQuantityAgainstNegativeWmsAvailable() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", -3, T0));
        matcher.cart(cart("shop", "sku-1", 0, T0.plusSeconds(30)));

        assertThat(lastResult().outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(matcher.pushes()).isEmpty();
    }

    /** Issue 7 (push storm): the push in flight is not sent again for the same target; SyncDecisionTest keeps its id. */
    @Test
    void sendsNoSecondPushForTheSameTargetWhileTheFirstIsPending() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(30)));
        PushCartInventory first = lastPush();
        assertThat(first.targetQuantity()).isEqualTo(9);

        matcher.clock.advance(Duration.ofMinutes(1));
        matcher.connection(connection("shop"), T0.plusSeconds(60));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(90)));
        assertThat(matcher.pushes()).isEmpty();

        matcher.wms(wms("sku-1", 11, T0.plusSeconds(120)));

        PushCartInventory otherTarget = lastPush();
        assertThat(otherTarget.targetQuantity()).isEqualTo(11);
        assertThat(otherTarget.pushId()).isNotEqualTo(first.pushId());
    }

    @Test
    void prefersAliasOverExactSku() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 5, T0));
        matcher.wms(wms("wms-sku-1", 8, T0));
        matcher.alias(alias("sku-1", "wms-sku-1"), T0);
        matcher.cart(cart("shop", "sku-1", 8, T0.plusSeconds(1)));

        SkuSyncEvaluated result = lastResult();
        assertThat(result.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(result.matchedWmsSku()).isEqualTo("wms-sku-1");
        assertThat(result.matchedVia()).isEqualTo(MatchedVia.ALIAS);
        assertThat(result.wmsQuantity()).isEqualTo(8);
    }

    private SkuSyncEvaluated lastResult() {
        List<TestRecord<String, SkuSyncEvaluated>> results = matcher.results();
        assertThat(results).isNotEmpty();
        return results.get(results.size() - 1).value();
    }

    private PushCartInventory lastPush() {
        List<TestRecord<String, PushCartInventory>> pushes = matcher.pushes();
        assertThat(pushes).isNotEmpty();
        return pushes.get(pushes.size() - 1).value();
    }
}
