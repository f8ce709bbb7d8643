package io.productsync.matcher.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.JsonSerde;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The cart store's binary rows read back as written, and rows written as JSON before them are still read. */
class CartHeldSerdeTest {

    private static final CartInventoryObserved LISTED_TWICE = new CartInventoryObserved(
            UUID.randomUUID(),
            "acme",
            "shop",
            "sku/ü-1",
            true,
            false,
            -3,
            Instant.parse("2026-11-27T09:00:05.123456789Z"),
            2);

    private final CartHeldSerde serde = new CartHeldSerde();

    @Test
    void readsBackAnObservationAndAGoneRow() {
        CartHeld observed = CartHeld.observed(LISTED_TWICE);
        CartHeld gone = CartHeld.goneAt(1_764_234_000_123L);

        assertThat(serde.deserialize("t", serde.serialize("t", observed))).isEqualTo(observed);
        assertThat(serde.deserialize("t", serde.serialize("t", gone))).isEqualTo(gone);
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void readsRowsWrittenAsJson() {
        CartHeld observed = CartHeld.observed(LISTED_TWICE);
        byte[] json = JsonSerde.of(CartHeld.class).serialize("t", observed);

        assertThat(serde.deserialize("t", json)).isEqualTo(observed);
    }

    @Test
    void refusesBytesOfAnotherFormat() {
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {9, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a cart store row");
    }
}
