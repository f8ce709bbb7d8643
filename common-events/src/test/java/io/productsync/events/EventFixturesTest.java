package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventFixturesTest {

    @Test
    void readsCartInventoryObserved() {
        CartInventoryObserved event = Fixtures.read("cart-inventory-observed.json", CartInventoryObserved.class);

        assertThat(event.eventId()).isEqualTo(UUID.fromString("6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b"));
        assertThat(event.key().value()).isEqualTo("demo/demo-shop/234567891");
        assertThat(event.inventoryTracked()).isTrue();
        assertThat(event.productActive()).isTrue();
        assertThat(event.quantity()).isEqualTo(12);
        assertThat(event.observedAt()).isEqualTo(Instant.parse("2026-11-27T09:15:30.125Z"));
    }

    @Test
    void readsACartObservationWithoutListingsAsASkuListedOnce() {
        CartInventoryObserved event = Fixtures.read("cart-inventory-observed.json", CartInventoryObserved.class);

        assertThat(event.listings()).isEqualTo(1);
        assertThat(event.duplicateSku()).isFalse();
        assertThat(event)
                .isEqualTo(new CartInventoryObserved(
                        event.eventId(), "demo", "demo-shop", "234567891", true, true, 12, event.observedAt()));
        JsonNode written = EventJson.MAPPER.readTree(EventJson.MAPPER.writeValueAsBytes(event));
        assertThat(written.has("listings")).isFalse();
    }

    @Test
    void readsACartObservationOfASkuTheCartListsTwice() {
        CartInventoryObserved event =
                Fixtures.read("cart-inventory-observed-duplicate-sku.json", CartInventoryObserved.class);

        assertThat(event.key().value()).isEqualTo("acme/main-store/MUG-BLUE");
        assertThat(event.listings()).isEqualTo(2);
        assertThat(event.duplicateSku()).isTrue();
        assertThat(event.quantity()).isEqualTo(40);
    }

    @Test
    void readsWmsInventoryObserved() {
        WmsInventoryObserved event = Fixtures.read("wms-inventory-observed.json", WmsInventoryObserved.class);

        assertThat(event.key().value()).isEqualTo("demo/main/234567891");
        assertThat(event.available()).isEqualTo(15);
    }

    @Test
    void readsProductAliasChanged() {
        ProductAliasChanged event = Fixtures.read("product-alias-changed.json", ProductAliasChanged.class);

        assertThat(event.key().value()).isEqualTo("demo/012345678905");
        assertThat(event.wmsSku()).isEqualTo("MUG-BLUE");
        assertThat(event.kind()).isEqualTo(AliasKind.UPC);
    }

    @Test
    void readsCartConnectionConfigured() {
        CartConnectionConfigured event =
                Fixtures.read("cart-connection-configured.json", CartConnectionConfigured.class);

        assertThat(event.key().value()).isEqualTo("demo/demo-shop");
        assertThat(event.wmsId()).isEqualTo("main");
        assertThat(event.syncEnabled()).isTrue();
        assertThat(event.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsACartConnectionWrittenBeforePlatformsAsASandboxWithoutCredentials() {
        CartConnectionConfigured event =
                Fixtures.read("cart-connection-configured.json", CartConnectionConfigured.class);

        assertThat(event.platform()).isEqualTo(CartPlatform.SANDBOX);
        assertThat(event.settings()).isEmpty();
        assertThat(event.sealedCredentials()).isNull();
        assertThat(event.credentialsSetAt()).isNull();
        assertThat(event)
                .isEqualTo(new CartConnectionConfigured(
                        "demo", "demo-shop", "main", true, true, Duration.ofSeconds(10), event.configuredAt()));
        JsonNode written = EventJson.MAPPER.readTree(EventJson.MAPPER.writeValueAsBytes(event));
        assertThat(written.get("platform").asString()).isEqualTo("sandbox");
    }

    @Test
    void readsAShopifyCartConnectionWithItsSettingsAndSealedCredentials() {
        CartConnectionConfigured event =
                Fixtures.read("cart-connection-configured-shopify.json", CartConnectionConfigured.class);

        assertThat(event.platform()).isEqualTo(CartPlatform.SHOPIFY);
        assertThat(event.settings())
                .containsEntry("shopDomain", "acme-goods.myshopify.com")
                .containsEntry("apiVersion", "2026-04")
                .containsEntry("locationId", "gid://shopify/Location/76543210987");
        assertThat(event.sealedCredentials()).startsWith("AQID");
        assertThat(event.credentialsSetAt()).isEqualTo(Instant.parse("2026-11-27T08:59:59.500Z"));
        assertThat(new String(event.credentialsContext(), StandardCharsets.UTF_8))
                .isEqualTo("acme/cart/main-store");
    }

    @Test
    void readsWmsConnectionConfigured() {
        WmsConnectionConfigured event = Fixtures.read("wms-connection-configured.json", WmsConnectionConfigured.class);

        assertThat(event.key().value()).isEqualTo("acme/extensiv-east");
        assertThat(event.platform()).isEqualTo(WmsPlatform.EXTENSIV);
        assertThat(event.settings()).containsEntry("customerId", "1042").containsEntry("facilityIds", "3,7");
        assertThat(event.sealedCredentials()).isNotBlank();
        assertThat(new String(event.credentialsContext(), StandardCharsets.UTF_8))
                .isEqualTo("acme/wms/extensiv-east");
        assertThat(event.pollInterval())
                .as("written before WMSes had their own interval")
                .isNull();
    }

    @Test
    void readsPushCartInventory() {
        PushCartInventory push = Fixtures.read("push-cart-inventory.json", PushCartInventory.class);

        assertThat(push.expectedQuantity()).isEqualTo(12);
        assertThat(push.targetQuantity()).isEqualTo(15);
        assertThat(push.matchedVia()).isEqualTo(MatchedVia.SKU);
    }

    @Test
    void readsEverySyncOutcome() {
        SkuSyncEvaluated updated = Fixtures.read("sku-sync-evaluated-updated.json", SkuSyncEvaluated.class);
        SkuSyncEvaluated verified = Fixtures.read("sku-sync-evaluated-verified.json", SkuSyncEvaluated.class);
        SkuSyncEvaluated notSynced = Fixtures.read("sku-sync-evaluated-not-synced.json", SkuSyncEvaluated.class);
        SkuSyncEvaluated failed = Fixtures.read("sku-sync-evaluated-failed.json", SkuSyncEvaluated.class);

        assertThat(updated.outcome()).isEqualTo(SyncOutcome.UPDATED);
        assertThat(updated.pushedQuantity()).isEqualTo(15L);
        assertThat(verified.matchedVia()).isEqualTo(MatchedVia.ALIAS);
        assertThat(verified.syncedAt()).isEqualTo(Instant.parse("2026-11-27T09:15:30.125Z"));
        assertThat(notSynced.reason()).isEqualTo(SyncReason.NO_WMS_MATCH);
        assertThat(notSynced.syncedAt()).isNull();
        assertThat(notSynced.matchedWmsSku()).isNull();
        assertThat(failed.reason()).isEqualTo(SyncReason.CART_REJECTED);
        assertThat(failed.detail()).contains("422");
    }

    @Test
    void readsANotSyncedResultOfADuplicateCartSku() {
        SkuSyncEvaluated duplicate =
                Fixtures.read("sku-sync-evaluated-duplicate-cart-sku.json", SkuSyncEvaluated.class);

        assertThat(duplicate.outcome()).isEqualTo(SyncOutcome.NOT_SYNCED);
        assertThat(duplicate.reason()).isEqualTo(SyncReason.DUPLICATE_CART_SKU);
        assertThat(duplicate.detail()).isEqualTo("the cart lists this SKU 2 times");
        assertThat(duplicate.cartQuantity()).isEqualTo(40L);
        assertThat(duplicate.syncedAt()).isNull();
        assertThat(duplicate.pushedQuantity()).isNull();
    }

    @Test
    void readsSnapshotHeldAndItsConfirmation() {
        SnapshotHeld held = Fixtures.read("snapshot-held.json", SnapshotHeld.class);
        ConfirmSnapshotRemoval confirm = Fixtures.read("confirm-snapshot-removal.json", ConfirmSnapshotRemoval.class);

        assertThat(held.key().value()).isEqualTo("demo/cart/demo-shop");
        assertThat(held.reason()).isEqualTo(HoldReason.MASS_REMOVAL);
        assertThat(held.missingSkus()).isEqualTo(2501);
        assertThat(held.releaseAfterCycles()).isEqualTo(3);
        assertThat(confirm.key().value()).isEqualTo("demo/wms/main");
        assertThat(SourceKey.parse("demo/wms/main")).isEqualTo(confirm.key());
        assertThat(confirm.heldSince()).isEqualTo(held.heldSince());
    }

    @Test
    void readsACartCycleAndItsVerdict() {
        CartCycleCompleted cycle = Fixtures.read("cart-cycle-completed.json", CartCycleCompleted.class);
        CartCycleVerified verdict = Fixtures.read("cart-cycle-verified.json", CartCycleVerified.class);

        assertThat(cycle.key().value()).isEqualTo("demo/demo-shop");
        assertThat(cycle.skus()).isEqualTo(1_000_000);
        assertThat(cycle.published()).isEqualTo(12);
        assertThat(cycle.removed()).isEqualTo(1);
        assertThat(verdict.key()).isEqualTo(cycle.key());
        assertThat(verdict.cycleAt()).isEqualTo(cycle.cycleAt());
        assertThat(verdict.completedAt()).isEqualTo(cycle.completedAt());
        assertThat(verdict.partition()).isEqualTo(3);
        assertThat(verdict.unverifiedSkus()).containsExactly("234567891");
    }

    @Test
    void refusesAVerdictWithMoreUnverifiedSkusThanItMayCarry() {
        java.util.List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, CartCycleVerified.MAX_UNVERIFIED)
                .mapToObj(i -> "sku-" + i)
                .toList();
        Instant at = Instant.parse("2026-11-27T09:15:30Z");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new CartCycleVerified(UUID.randomUUID(), "demo", "shop", at, at, 0, tooMany, at))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + CartCycleVerified.MAX_UNVERIFIED);
        assertThat(new CartCycleVerified(UUID.randomUUID(), "demo", "shop", at, at, 0, null, at).unverifiedSkus())
                .isEmpty();
    }

    @Test
    void marksAndReadsTheTypeOfARecordThatIsNotItsTopicsMainType() {
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();

        assertThat(EventTypes.of(headers)).isNull();
        EventTypes.mark(headers, EventTypes.CART_CYCLE_COMPLETED);
        EventTypes.mark(headers, EventTypes.CART_CYCLE_COMPLETED);

        assertThat(EventTypes.is(headers, EventTypes.CART_CYCLE_COMPLETED)).isTrue();
        assertThat(EventTypes.is(headers, EventTypes.CART_CYCLE_VERIFIED)).isFalse();
        assertThat(headers.headers(EventTypes.HEADER)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
        "cart-inventory-observed.json, io.productsync.events.CartInventoryObserved",
        "cart-inventory-observed-duplicate-sku.json, io.productsync.events.CartInventoryObserved",
        "wms-inventory-observed.json, io.productsync.events.WmsInventoryObserved",
        "product-alias-changed.json, io.productsync.events.ProductAliasChanged",
        "cart-connection-configured-shopify.json, io.productsync.events.CartConnectionConfigured",
        "wms-connection-configured.json, io.productsync.events.WmsConnectionConfigured",
        "push-cart-inventory.json, io.productsync.events.PushCartInventory",
        "sku-sync-evaluated-updated.json, io.productsync.events.SkuSyncEvaluated",
        "sku-sync-evaluated-verified.json, io.productsync.events.SkuSyncEvaluated",
        "sku-sync-evaluated-not-synced.json, io.productsync.events.SkuSyncEvaluated",
        "sku-sync-evaluated-failed.json, io.productsync.events.SkuSyncEvaluated",
        "sku-sync-evaluated-duplicate-cart-sku.json, io.productsync.events.SkuSyncEvaluated",
        "snapshot-held.json, io.productsync.events.SnapshotHeld",
        "confirm-snapshot-removal.json, io.productsync.events.ConfirmSnapshotRemoval",
        "cart-cycle-completed.json, io.productsync.events.CartCycleCompleted",
        "cart-cycle-verified.json, io.productsync.events.CartCycleVerified"
    })
    void writesExactlyTheFixtureItReads(String fixture, Class<?> type) {
        Object event = Fixtures.read(fixture, type);

        JsonNode written = EventJson.MAPPER.readTree(EventJson.MAPPER.writeValueAsBytes(event));
        JsonNode expected = EventJson.MAPPER.readTree(Fixtures.bytes(fixture));
        assertThat(written).isEqualTo(expected);
        // The hand-written instants read and write exactly what Jackson's own java.time handling does.
        JsonMapper jacksons = EventJson.withJacksonsInstants().build();
        assertThat(jacksons.readValue(Fixtures.bytes(fixture), type)).isEqualTo(event);
        assertThat(EventJson.MAPPER.writeValueAsString(event)).isEqualTo(jacksons.writeValueAsString(event));
    }
}
