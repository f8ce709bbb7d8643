package io.productsync.matcher.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.JsonSerde;
import io.productsync.events.WmsInventoryObserved;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The stores' binary rows read back as written, and rows written as JSON before them are still read. */
class BinaryStoreSerdeTest {

    private static final Instant OBSERVED = Instant.parse("2026-11-27T09:00:05.123456789Z");
    private static final CartInventoryObserved LISTED_TWICE =
            new CartInventoryObserved(UUID.randomUUID(), "acme", "shop", "sku/ü-1", true, false, -3, OBSERVED, 2);
    private static final WmsInventoryObserved WMS_ROW =
            new WmsInventoryObserved(UUID.randomUUID(), "acme", "wh-1", "sku/ü-1 \uD83D\uDE00", -7, OBSERVED);

    private final CartHeldSerde cart = new CartHeldSerde();
    private final WmsHeldSerde wms = new WmsHeldSerde();

    @Test
    void readsBackAnObservationAndAGoneRow() {
        CartHeld observed = CartHeld.observed(LISTED_TWICE);
        CartHeld gone = CartHeld.goneAt(1_764_234_000_123L);

        assertThat(cart.deserialize("t", cart.serialize("t", observed))).isEqualTo(observed);
        assertThat(cart.deserialize("t", cart.serialize("t", gone))).isEqualTo(gone);
        assertThat(cart.serialize("t", null)).isNull();
        assertThat(cart.deserialize("t", null)).isNull();
    }

    @Test
    void readsBackAWmsRowAndAGoneOne() {
        WmsHeld observed = WmsHeld.observed(WMS_ROW);
        WmsHeld gone = WmsHeld.goneAt(1_764_234_000_456L);

        assertThat(wms.deserialize("t", wms.serialize("t", observed))).isEqualTo(observed);
        assertThat(wms.deserialize("t", wms.serialize("t", gone))).isEqualTo(gone);
        assertThat(wms.serialize("t", null)).isNull();
        assertThat(wms.deserialize("t", null)).isNull();
    }

    @Test
    void readsRowsWrittenAsJson() {
        CartHeld cartRow = CartHeld.observed(LISTED_TWICE);
        WmsHeld wmsRow = WmsHeld.observed(WMS_ROW);
        WmsHeld wmsGone = WmsHeld.goneAt(1_764_234_000_456L);

        assertThat(cart.deserialize("t", JsonSerde.of(CartHeld.class).serialize("t", cartRow)))
                .isEqualTo(cartRow);
        assertThat(wms.deserialize("t", JsonSerde.of(WmsHeld.class).serialize("t", wmsRow)))
                .isEqualTo(wmsRow);
        assertThat(wms.deserialize("t", JsonSerde.of(WmsHeld.class).serialize("t", wmsGone)))
                .isEqualTo(wmsGone);
    }

    @Test
    void refusesBytesOfAnotherFormat() {
        assertThatThrownBy(() -> cart.deserialize("t", new byte[] {9, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a cart store row");
        assertThatThrownBy(() -> wms.deserialize("t", new byte[] {1, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a WMS row store row");
    }
}
