package io.productsync.matcher.matching;

import static io.productsync.matcher.matching.Events.T0;
import static io.productsync.matcher.matching.Events.cart;
import static io.productsync.matcher.matching.Events.connection;
import static io.productsync.matcher.matching.Events.cycle;
import static io.productsync.matcher.matching.Events.wms;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.EventTypes;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cart cycle's end gets a verdict on its partition, after its results; pushes in flight are not verified. */
class SyncTopologyCyclesTest {

    private static final Instant CYCLE_1 = T0.plusSeconds(100);
    private static final Instant CYCLE_2 = T0.plusSeconds(200);
    private static final Instant CYCLE_3 = T0.plusSeconds(300);

    @RegisterExtension
    final MatcherDriver matcher = new MatcherDriver();

    @BeforeEach
    void connectShop() {
        matcher.connection(connection("shop"), T0);
    }

    @Test
    void answersACycleAfterItsResultsOnItsPartitionLeavingThePushedSkuUnverified() {
        matcher.wms(wms("sku-1", 5, T0));
        matcher.wms(wms("sku-2", 9, T0));
        matcher.cart(cart("shop", "sku-1", 5, CYCLE_1));
        matcher.cart(cart("shop", "sku-2", 1, CYCLE_1));

        matcher.cycle(cycle("shop", CYCLE_1));

        List<TestRecord<String, ?>> written = matcher.syncResults();
        assertThat(written).extracting(TestRecord::key).containsExactly("acme/shop/sku-1", "acme/shop");
        assertThat(written.get(0).value()).isInstanceOf(SkuSyncEvaluated.class);
        assertThat(written.get(0).headers().lastHeader(EventTypes.HEADER)).isNull();
        assertThat(EventTypes.of(written.get(1).headers())).isEqualTo(EventTypes.CART_CYCLE_VERIFIED);
        assertThat((CartCycleVerified) written.get(1).value()).satisfies(verdict -> {
            assertThat(verdict.cycleAt()).isEqualTo(CYCLE_1);
            assertThat(verdict.completedAt()).isEqualTo(CYCLE_1.plusSeconds(1));
            assertThat(verdict.partition()).isZero();
            assertThat(verdict.unverifiedSkus()).containsExactly("sku-2");
        });
        assertThat(matcher.pushes()).extracting(TestRecord::key).containsExactly("acme/shop/sku-2");
    }

    @Test
    void verifiesThePushedSkuOnceTheCartReachedItsTarget() {
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(cart("shop", "sku-1", 1, CYCLE_1));
        matcher.cycle(cycle("shop", CYCLE_1));
        assertThat(matcher.cycleVerdicts())
                .singleElement()
                .satisfies(
                        verdict -> assertThat(verdict.value().unverifiedSkus()).containsExactly("sku-1"));

        matcher.cart(cart("shop", "sku-1", 9, CYCLE_2));
        matcher.cycle(cycle("shop", CYCLE_2));

        assertThat(matcher.verdicts()).containsExactly("VERIFIED");
        assertThat(matcher.cycleVerdicts())
                .singleElement()
                .satisfies(
                        verdict -> assertThat(verdict.value().unverifiedSkus()).isEmpty());
    }

    @Test
    void pushesTheSameTargetAgainOnlyAfterTheCartHadReachedIt() {
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(cart("shop", "sku-1", 1, T0.plusSeconds(10)));
        matcher.cart(cart("shop", "sku-1", 2, T0.plusSeconds(20)));
        assertThat(matcher.pushes()).hasSize(1);

        matcher.cart(cart("shop", "sku-1", 9, T0.plusSeconds(30)));
        matcher.cart(cart("shop", "sku-1", 4, T0.plusSeconds(40)));

        assertThat(matcher.verdicts()).containsExactly("VERIFIED");
        assertThat(matcher.pushes()).singleElement().satisfies(push -> {
            assertThat(push.value().expectedQuantity()).isEqualTo(4);
            assertThat(push.value().targetQuantity()).isEqualTo(9);
        });
    }

    @Test
    void reissuesAPushStillPendingAfterAFurtherCycleOncePerCycle() {
        matcher.wms(wms("sku-1", 9, T0));
        matcher.cart(cart("shop", "sku-1", 1, CYCLE_1));
        PushCartInventory first = matcher.pushes().get(0).value();
        matcher.cycle(cycle("shop", CYCLE_1));
        assertThat(matcher.pushes()).isEmpty();

        matcher.cycle(cycle("shop", CYCLE_2));
        List<TestRecord<String, PushCartInventory>> again = matcher.pushes();
        matcher.cycle(cycle("shop", CYCLE_2));
        matcher.cycle(cycle("shop", CYCLE_3));
        List<TestRecord<String, PushCartInventory>> third = matcher.pushes();

        assertThat(again).singleElement().satisfies(push -> {
            assertThat(push.key()).isEqualTo("acme/shop/sku-1");
            assertThat(push.value().targetQuantity()).isEqualTo(9);
            assertThat(push.value().pushId()).isNotEqualTo(first.pushId());
        });
        assertThat(third)
                .singleElement()
                .satisfies(push -> assertThat(push.value().pushId())
                        .isNotIn(first.pushId(), again.get(0).value().pushId()));
        assertThat(matcher.cycleVerdicts()).hasSize(4);
    }

    @Test
    void datesAVerifiedSkuAtTheLastCycleSeenWhenThatIsLaterThanItsObservation() {
        matcher.wms(wms("sku-1", 5, T0));
        matcher.cart(cart("shop", "sku-1", 5, T0.plusSeconds(10)));
        assertThat(matcher.onlyResult().syncedAt()).isEqualTo(T0.plusSeconds(10));

        matcher.cycle(cycle("shop", CYCLE_1));
        // Decided again without a new observation: sync turned off and on (a connection that decides alike is not
        // a reason to decide again).
        matcher.connection(connection("shop", false, true), CYCLE_1.plusSeconds(5));
        assertThat(matcher.onlyResult().reason()).isEqualTo(SyncReason.SYNC_DISABLED);
        matcher.connection(connection("shop"), CYCLE_1.plusSeconds(6));
        assertThat(matcher.onlyResult().syncedAt()).isEqualTo(CYCLE_1);

        matcher.cart(cart("shop", "sku-1", 5, CYCLE_2));
        SkuSyncEvaluated observedLater = matcher.onlyResult();
        assertThat(observedLater.outcome()).isEqualTo(SyncOutcome.VERIFIED);
        assertThat(observedLater.syncedAt()).isEqualTo(CYCLE_2);
    }

    @Test
    void answersNoCycleOfACartWithoutConnection() {
        matcher.cart(cart("elsewhere", "sku-1", 5, CYCLE_1));
        matcher.cycle(cycle("elsewhere", CYCLE_1));
        matcher.cycle(cycle("shop", CYCLE_1));

        assertThat(matcher.syncResults()).extracting(TestRecord::key).containsExactly("acme/shop");
    }
}
