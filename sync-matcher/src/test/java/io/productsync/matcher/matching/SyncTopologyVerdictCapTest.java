package io.productsync.matcher.matching;

import static io.productsync.matcher.matching.Events.T0;
import static io.productsync.matcher.matching.Events.cart;
import static io.productsync.matcher.matching.Events.connection;
import static io.productsync.matcher.matching.Events.cycle;
import static io.productsync.matcher.matching.Events.wms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A partition with more SKUs of a cart in flight than a verdict may list writes no verdict that cycle. The cap is
 * {@code CartCycleVerified.MAX_UNVERIFIED} in the app; 2 here, so the test need not push ten thousand SKUs.
 */
class SyncTopologyVerdictCapTest {

    private static final Instant CYCLE_1 = T0.plusSeconds(100);
    private static final Instant CYCLE_2 = T0.plusSeconds(200);

    @RegisterExtension
    final MatcherDriver matcher = new MatcherDriver(2);

    @Test
    void writesNoVerdictWhileMoreSkusThanTheCapHaveAPushInFlight() {
        matcher.connection(connection("shop"), T0);
        for (String sku : List.of("sku-1", "sku-2", "sku-3")) {
            matcher.wms(wms(sku, 9, T0));
            matcher.cart(cart("shop", sku, 1, CYCLE_1));
        }
        assertThat(matcher.pushes()).hasSize(3);

        matcher.cycle(cycle("shop", CYCLE_1));
        assertThat(matcher.cycleVerdicts()).isEmpty();

        // one answered push brings the partition back to the cap
        matcher.cart(cart("shop", "sku-1", 9, CYCLE_2));
        matcher.cycle(cycle("shop", CYCLE_2));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");
        assertThat(matcher.cycleVerdicts())
                .singleElement()
                .satisfies(
                        verdict -> assertThat(verdict.value().unverifiedSkus()).containsExactly("sku-2", "sku-3"));
    }
}
