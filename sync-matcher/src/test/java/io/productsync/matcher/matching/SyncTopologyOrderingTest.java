package io.productsync.matcher.matching;

import static io.productsync.matcher.matching.Events.T0;
import static io.productsync.matcher.matching.Events.cart;
import static io.productsync.matcher.matching.Events.connection;
import static io.productsync.matcher.matching.Events.wms;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.SyncOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An observation older than the one held for its key never wins; an unchanged WMS re-poll re-evaluates nothing. */
class SyncTopologyOrderingTest {

    @RegisterExtension
    final MatcherDriver matcher = new MatcherDriver();

    @BeforeEach
    void connectShop() {
        matcher.connection(connection("shop"), T0);
    }

    @Test
    void ignoresCartObservationOlderThanTheOneHeld() {
        matcher.wms(wms("sku-1", 5, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(20)));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");

        matcher.cart(cart("shop", "sku-1", 2, T0.plusSeconds(10)));

        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void aLaterPageOfOneSnapshotThatFindsTheSkuAgainReplacesTheObservationOfTheSameTime() {
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(10)));
        assertThat(matcher.pushes()).hasSize(1);

        matcher.cart(Events.listed("shop", "sku-1", 5, T0.plusSeconds(10), 2));
        assertThat(matcher.verdicts()).containsExactly("DUPLICATE_CART_SKU");

        // a redelivery of either record of that snapshot changes nothing
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(10)));
        matcher.cart(Events.listed("shop", "sku-1", 5, T0.plusSeconds(10), 2));
        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void ignoresCartObservationOlderThanItsRemoval() {
        matcher.wms(wms("sku-1", 5, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(10)));
        matcher.cartGone("acme/shop/sku-1", T0.plusSeconds(20));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED", "tombstone");

        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(15)));
        assertThat(matcher.results()).isEmpty();

        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(25)));
        assertThat(matcher.onlyResult().outcome()).isEqualTo(SyncOutcome.VERIFIED);
    }

    @Test
    void ignoresCartRemovalOlderThanTheObservationHeld() {
        matcher.wms(wms("sku-1", 5, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(20)));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");

        matcher.cartGone("acme/shop/sku-1", T0.plusSeconds(10));

        assertThat(matcher.results()).isEmpty();
    }

    @Test
    void ignoresWmsObservationOlderThanTheOneHeld() {
        matcher.cart(cart("shop", "sku-1", 5, T0));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH");
        matcher.wms(wms("sku-1", 5, T0.plusSeconds(20)));
        assertThat(matcher.onlyResult().outcome()).isEqualTo(SyncOutcome.VERIFIED);

        matcher.wms(wms("sku-1", 1, T0.plusSeconds(10)));

        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void ignoresWmsObservationOlderThanItsRemoval() {
        matcher.cart(cart("shop", "sku-1", 5, T0));
        matcher.wms(wms("sku-1", 5, T0.plusSeconds(10)));
        matcher.wmsGone("acme/main/sku-1", T0.plusSeconds(20));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH", "VERIFIED", "NO_WMS_MATCH");

        matcher.wms(wms("sku-1", 5, T0.plusSeconds(15)));

        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void emitsNothingWhenWmsRePollCarriesUnchangedStock() {
        matcher.cart(cart("shop", "sku-1", 5, T0));
        matcher.wms(wms("sku-1", 5, T0.plusSeconds(10)));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH", "VERIFIED");

        matcher.wms(wms("sku-1", 5, T0.plusSeconds(70)));

        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void keepsNewestWmsTimeFromUnchangedRePollSoOlderChangeCannotWin() {
        matcher.cart(cart("shop", "sku-1", 5, T0));
        matcher.wms(wms("sku-1", 5, T0.plusSeconds(10)));
        matcher.wms(wms("sku-1", 5, T0.plusSeconds(70)));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH", "VERIFIED");

        matcher.wms(wms("sku-1", 8, T0.plusSeconds(40)));

        assertThat(matcher.results()).isEmpty();
        assertThat(matcher.pushes()).isEmpty();
    }

    @Test
    void reEvaluatesWhenNewerWmsObservationChangesStock() {
        matcher.cart(cart("shop", "sku-1", 5, T0));
        matcher.wms(wms("sku-1", 5, T0.plusSeconds(10)));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH", "VERIFIED");

        matcher.wms(wms("sku-1", 8, T0.plusSeconds(70)));

        assertThat(matcher.pushes())
                .extracting(record -> record.value().targetQuantity())
                .containsExactly(8L);
    }
}
