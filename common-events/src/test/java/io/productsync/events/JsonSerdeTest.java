package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<CartInventoryObserved> serde = JsonSerde.of(CartInventoryObserved.class);

    @Test
    void ignoresUnknownFieldsSoProducersCanAddThem() {
        String json = new String(Fixtures.bytes("cart-inventory-observed.json"), StandardCharsets.UTF_8)
                .replace("\"quantity\": 12,", "\"quantity\": 12, \"warehouseBin\": \"A-7\",");

        assertThat(serde.deserialize("cart-inventory", bytes(json)).quantity()).isEqualTo(12);
    }

    @Test
    void keepsTombstonesNull() {
        assertThat(serde.deserialize("cart-inventory", null)).isNull();
        assertThat(serde.serialize("cart-inventory", null)).isNull();
    }

    @Test
    void refusesAMissingQuantityInsteadOfReadingZero() {
        String json = new String(Fixtures.bytes("cart-inventory-observed.json"), StandardCharsets.UTF_8)
                .replace("\"quantity\": 12,", "");

        assertThatThrownBy(() -> serde.deserialize("cart-inventory", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("quantity");
    }

    @Test
    void refusesListingsBelowOneWithTheField() {
        String json = new String(Fixtures.bytes("cart-inventory-observed-duplicate-sku.json"), StandardCharsets.UTF_8)
                .replace("\"listings\": 2", "\"listings\": 0");

        assertThatThrownBy(() -> serde.deserialize("cart-inventory", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("listings must be at least 1, was 0");
    }

    @Test
    void readsAnExplicitNullListingsAsListedOnce() {
        String json = new String(Fixtures.bytes("cart-inventory-observed-duplicate-sku.json"), StandardCharsets.UTF_8)
                .replace("\"listings\": 2", "\"listings\": null");

        assertThat(serde.deserialize("cart-inventory", bytes(json)).listings()).isEqualTo(1);
    }

    @Test
    void refusesAnUppercaseTenantIdWithTheRule() {
        String json = new String(Fixtures.bytes("cart-inventory-observed.json"), StandardCharsets.UTF_8)
                .replace("\"tenantId\": \"demo\"", "\"tenantId\": \"Demo\"");

        assertThatThrownBy(() -> serde.deserialize("cart-inventory", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("tenantId 'Demo' must match");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> serde.deserialize("cart-inventory", bytes("{not json")))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("not a valid CartInventoryObserved on cart-inventory");
    }

    @Test
    void refusesAResultThatSaysSyncedWithoutASyncDate() {
        JsonSerde<SkuSyncEvaluated> results = JsonSerde.of(SkuSyncEvaluated.class);
        String json = new String(Fixtures.bytes("sku-sync-evaluated-verified.json"), StandardCharsets.UTF_8)
                .replace("\"syncedAt\": \"2026-11-27T09:15:30.125Z\",", "");

        assertThatThrownBy(() -> results.deserialize("sync-results", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("syncedAt");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
