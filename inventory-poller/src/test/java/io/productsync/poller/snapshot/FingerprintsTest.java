package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.WmsInventoryObserved;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final Instant AT = Instant.parse("2026-11-27T09:15:30Z");

    @Test
    void ignoresEventIdAndObservedAtAndChangesWithEveryOtherCartField() {
        CartInventoryObserved observed = cart(true, true, 5, 1);
        CartInventoryObserved later =
                new CartInventoryObserved(UUID.randomUUID(), "acme", "shop", "A", true, true, 5, AT.plusSeconds(10), 1);

        assertThat(Fingerprints.cart(later)).isEqualTo(Fingerprints.cart(observed));
        List<Long> changed = List.of(
                Fingerprints.cart(cart(false, true, 5, 1)),
                Fingerprints.cart(cart(true, false, 5, 1)),
                Fingerprints.cart(cart(false, false, 5, 1)),
                Fingerprints.cart(cart(true, true, 6, 1)),
                Fingerprints.cart(cart(true, true, 5, 2)));
        assertThat(changed).doesNotContain(Fingerprints.cart(observed)).doesNotHaveDuplicates();
    }

    @Test
    void ignoresEventIdAndObservedAtAndChangesWithTheWmsQuantity() {
        WmsInventoryObserved observed = new WmsInventoryObserved(UUID.randomUUID(), "acme", "wh", "A", 5, AT);

        assertThat(Fingerprints.wms(
                        new WmsInventoryObserved(UUID.randomUUID(), "acme", "wh", "A", 5, AT.plusSeconds(1))))
                .isEqualTo(Fingerprints.wms(observed));
        assertThat(Fingerprints.wms(new WmsInventoryObserved(UUID.randomUUID(), "acme", "wh", "A", 6, AT)))
                .isNotEqualTo(Fingerprints.wms(observed));
    }

    private static CartInventoryObserved cart(boolean tracked, boolean active, long quantity, int listings) {
        return new CartInventoryObserved(
                UUID.randomUUID(), "acme", "shop", "A", tracked, active, quantity, AT, listings);
    }
}
