package io.productsync.matcher.matching;

import static io.productsync.matcher.matching.Events.T0;
import static io.productsync.matcher.matching.Events.alias;
import static io.productsync.matcher.matching.Events.cart;
import static io.productsync.matcher.matching.Events.connection;
import static io.productsync.matcher.matching.Events.wms;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.MatchedVia;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes on the other side of a join re-evaluate the cart SKUs they touch, without a new cart observation. */
class SyncTopologyChangesTest {

    @RegisterExtension
    final MatcherDriver matcher = new MatcherDriver();

    @BeforeEach
    void connectShop() {
        matcher.connection(connection("shop"), T0);
    }

    @Test
    void reEvaluatesWhenAliasIsAddedLater() {
        matcher.wms(wms("wms-sku-1", 4, T0));
        matcher.cart(cart("shop", "sku-1", 4, T0.plusSeconds(1)));
        assertThat(matcher.onlyResult().reason()).isEqualTo(SyncReason.NO_WMS_MATCH);

        matcher.alias(alias("sku-1", "wms-sku-1"), T0.plusSeconds(2));

        SkuSyncEvaluated result = matcher.onlyResult();
        assertThat(result.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(result.matchedVia()).isEqualTo(MatchedVia.ALIAS);
        assertThat(result.matchedWmsSku()).isEqualTo("wms-sku-1");
    }

    @Test
    void fallsBackToExactSkuWhenAliasIsRemoved() {
        matcher.wms(wms("sku-1", 6, T0));
        matcher.alias(alias("sku-1", "wms-missing"), T0);
        matcher.cart(cart("shop", "sku-1", 6, T0.plusSeconds(1)));
        assertThat(matcher.onlyResult().reason()).isEqualTo(SyncReason.NO_WMS_MATCH);

        matcher.aliasGone("acme/sku-1", T0.plusSeconds(2));

        SkuSyncEvaluated result = matcher.onlyResult();
        assertThat(result.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(result.matchedVia()).isEqualTo(MatchedVia.SKU);
        assertThat(result.matchedWmsSku()).isEqualTo("sku-1");
    }

    @Test
    void evaluatesASkuNormallyAgainOnceTheCartListsItOnce() {
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(Events.listed("shop", "sku-1", 5, T0.plusSeconds(1), 2));
        assertThat(matcher.verdicts()).containsExactly("DUPLICATE_CART_SKU");
        assertThat(matcher.pushes()).isEmpty();

        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(2)));

        assertThat(matcher.results()).isEmpty();
        List<TestRecord<String, PushCartInventory>> pushes = matcher.pushes();
        assertThat(pushes).singleElement().satisfies(push -> {
            assertThat(push.value().expectedQuantity()).isEqualTo(5);
            assertThat(push.value().targetQuantity()).isEqualTo(9);
        });
    }

    @Test
    void keepsReportingADuplicateWhenTheWmsChanges() {
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(Events.listed("shop", "sku-1", 5, T0.plusSeconds(1), 2));
        assertThat(matcher.verdicts()).containsExactly("DUPLICATE_CART_SKU");

        matcher.wms(wms("sku-1", 11, T0.plusSeconds(2)));

        SkuSyncEvaluated result = matcher.onlyResult();
        assertThat(result.reason()).isEqualTo(SyncReason.DUPLICATE_CART_SKU);
        assertThat(result.wmsQuantity()).isEqualTo(11);
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reEvaluatesEveryCartFedByOneWmsSkuOnOneWmsChange() {
        matcher.connection(connection("outlet"), T0);
        matcher.wms(wms("sku-1", 3, T0));
        matcher.cart(cart("shop", "sku-1", 3, T0.plusSeconds(1)));
        matcher.cart(cart("outlet", "sku-1", 3, T0.plusSeconds(1)));
        assertThat(matcher.results()).hasSize(2);

        matcher.wms(wms("sku-1", 10, T0.plusSeconds(60)));

        Map<String, PushCartInventory> pushes =
                matcher.pushes().stream().collect(Collectors.toMap(TestRecord::key, TestRecord::value));
        assertThat(pushes).containsOnlyKeys("acme/shop/sku-1", "acme/outlet/sku-1");
        assertThat(pushes.values())
                .allSatisfy(push -> assertThat(push.targetQuantity()).isEqualTo(10));
    }

    @Test
    void reportsNoWmsMatchWhenWmsSkuIsDeleted() {
        matcher.wms(wms("sku-1", 3, T0));
        matcher.cart(cart("shop", "sku-1", 3, T0.plusSeconds(1)));
        assertThat(matcher.onlyResult().outcome()).isEqualTo(SyncOutcome.VERIFIED);

        matcher.wmsGone("acme/main/sku-1", T0.plusSeconds(2));

        assertThat(matcher.onlyResult().reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
    }

    @Test
    void tombstonesResultWhenSkuLeavesTheCart() {
        matcher.wms(wms("sku-1", 3, T0));
        matcher.cart(cart("shop", "sku-1", 3, T0.plusSeconds(1)));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");

        matcher.cartGone("acme/shop/sku-1", T0.plusSeconds(2));

        List<TestRecord<String, SkuSyncEvaluated>> results = matcher.results();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).key()).isEqualTo("acme/shop/sku-1");
        assertThat(results.get(0).value()).isNull();
    }

    @Test
    void reportsSyncDisabledForEverySkuWhenConnectionTurnsSyncOff() {
        matcher.wms(wms("sku-1", 3, T0));
        matcher.wms(wms("sku-2", 9, T0));
        matcher.cart(cart("shop", "sku-1", 3, T0.plusSeconds(1)));
        matcher.cart(cart("shop", "sku-2", 1, T0.plusSeconds(1)));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");
        assertThat(matcher.pushes()).extracting(TestRecord::key).containsExactly("acme/shop/sku-2");

        matcher.connection(connection("shop", true, false), T0.plusSeconds(2));

        Map<String, SkuSyncEvaluated> results =
                matcher.results().stream().collect(Collectors.toMap(TestRecord::key, TestRecord::value));
        assertThat(results).containsOnlyKeys("acme/shop/sku-1", "acme/shop/sku-2");
        assertThat(results.values())
                .allSatisfy(result -> assertThat(result.reason()).isEqualTo(SyncReason.SYNC_DISABLED));
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void tombstonesEveryResultWhenConnectionIsDeleted() {
        matcher.wms(wms("sku-1", 3, T0));
        matcher.cart(cart("shop", "sku-1", 3, T0.plusSeconds(1)));
        matcher.cart(cart("shop", "sku-2", 3, T0.plusSeconds(1)));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED", "NO_WMS_MATCH");

        matcher.connectionGone("acme/shop", T0.plusSeconds(2));

        List<TestRecord<String, SkuSyncEvaluated>> results = matcher.results();
        assertThat(results).extracting(TestRecord::key).containsExactlyInAnyOrder("acme/shop/sku-1", "acme/shop/sku-2");
        assertThat(results).allSatisfy(record -> assertThat(record.value()).isNull());
    }

    @Test
    void evaluatesNothingForCartWithoutConnection() {
        matcher.wms(wms("sku-1", 3, T0));
        matcher.cart(cart("elsewhere", "sku-1", 3, T0.plusSeconds(1)));

        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();

        // The cart SKU was held, not lost: connecting its cart evaluates it.
        matcher.connection(connection("elsewhere"), T0.plusSeconds(2));
        assertThat(matcher.results()).extracting(TestRecord::key).containsExactly("acme/elsewhere/sku-1");
    }

    @Test
    void reEvaluatesOnlyTheCartSkusAWmsChangeFeeds() {
        twoCartsOfTwoSkus();

        matcher.wms(wms("sku-1", 4, T0.plusSeconds(60)));

        assertThat(matcher.pushes())
                .extracting(TestRecord::key)
                .containsExactlyInAnyOrder("acme/shop/sku-1", "acme/outlet/sku-1");
        assertThat(matcher.results()).isEmpty();
    }

    @Test
    void reEvaluatesOnlyTheAliasedSkuInEachConnectedCart() {
        twoCartsOfTwoSkus();

        matcher.alias(alias("sku-2", "sku-1"), T0.plusSeconds(60));

        Map<String, SkuSyncEvaluated> results =
                matcher.results().stream().collect(Collectors.toMap(TestRecord::key, TestRecord::value));
        assertThat(results).containsOnlyKeys("acme/shop/sku-2", "acme/outlet/sku-2");
        assertThat(results.values())
                .allSatisfy(result -> assertThat(result.matchedWmsSku()).isEqualTo("sku-1"));
    }

    @Test
    void reEvaluatesOnlyTheSkusOfTheCartWhoseConnectionChanged() {
        twoCartsOfTwoSkus();

        matcher.connection(connection("shop", false, true), T0.plusSeconds(60));

        assertThat(matcher.verdicts()).containsExactly("SYNC_DISABLED", "SYNC_DISABLED");
        matcher.connection(connection("shop"), T0.plusSeconds(70));
        assertThat(matcher.results())
                .extracting(TestRecord::key)
                .containsExactlyInAnyOrder("acme/shop/sku-1", "acme/shop/sku-2");
    }

    @Test
    void aConnectionChangeNoDecisionReadsDecidesNothingAgain() {
        twoCartsOfTwoSkus();

        // A new poll interval and configuration time: neither is read by a decision.
        matcher.connection(
                new CartConnectionConfigured(
                        Events.TENANT, "shop", Events.WMS, true, true, Duration.ofSeconds(1), T0.plusSeconds(60)),
                T0.plusSeconds(60));
        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();

        // Another WMS is read: the cart's SKUs are decided again, and that WMS has none of them.
        matcher.connection(
                new CartConnectionConfigured(
                        Events.TENANT, "shop", "other-wms", true, true, Duration.ofSeconds(1), T0.plusSeconds(70)),
                T0.plusSeconds(70));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH", "NO_WMS_MATCH");
    }

    @Test
    void followsAnAliasToItsNewWmsRowAndLeavesTheOldOne() {
        matcher.wms(wms("sku-1", 3, T0));
        matcher.wms(wms("wms-b", 3, T0));
        matcher.cart(cart("shop", "sku-1", 3, T0.plusSeconds(1)));
        matcher.alias(alias("sku-1", "wms-b"), T0.plusSeconds(2));
        assertThat(matcher.results())
                .extracting(record -> record.value().matchedWmsSku())
                .containsExactly("sku-1", "wms-b");

        matcher.wms(wms("sku-1", 8, T0.plusSeconds(3)));
        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();

        matcher.wms(wms("wms-b", 8, T0.plusSeconds(4)));
        assertThat(matcher.pushes()).singleElement().satisfies(push -> {
            assertThat(push.value().matchedWmsSku()).isEqualTo("wms-b");
            assertThat(push.value().targetQuantity()).isEqualTo(8);
        });
    }

    /** Carts shop and outlet, both connected, each holding sku-1 and sku-2 at the WMS quantity: four VERIFIED. */
    private void twoCartsOfTwoSkus() {
        matcher.connection(connection("outlet"), T0);
        matcher.wms(wms("sku-1", 3, T0));
        matcher.wms(wms("sku-2", 3, T0));
        for (String cartId : List.of("shop", "outlet")) {
            matcher.cart(cart(cartId, "sku-1", 3, T0.plusSeconds(1)));
            matcher.cart(cart(cartId, "sku-2", 3, T0.plusSeconds(1)));
        }
        assertThat(matcher.verdicts()).containsExactly("VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED");
    }
}
