package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.QuantityChangeResult.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyPushTest {

    private final MovableClock clock = new MovableClock();
    private final ShopifyFake fake = new ShopifyFake(clock);
    private final ShopifyCartConnector cart =
            new ShopifyCartConnector(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), clock);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void appliesWhenTheCartStillHoldsTheExpectedQuantity() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        Listing.readAll(cart, clock);

        QuantityChangeResult result = cart.setQuantity(new QuantityChange("MUG-1", 5, 8, UUID.randomUUID()));

        assertThat(result).isEqualTo(QuantityChangeResult.applied());
        assertThat(fake.shop().available(mug)).isEqualTo(8);
        assertThat(fake.validationErrors()).isEmpty();
    }

    @Test
    void staleExpectedQuantityAnswersWhatTheCartHoldsNow() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        Listing.readAll(cart, clock);
        fake.shop().setAvailable(mug, 6);

        QuantityChangeResult result = cart.setQuantity(new QuantityChange("MUG-1", 5, 8, UUID.randomUUID()));

        assertThat(result).isEqualTo(QuantityChangeResult.currentDiffers(6));
        assertThat(fake.shop().available(mug)).isEqualTo(6);
    }

    @Test
    void staleExpectedQuantityButAlreadyAtTargetIsNoChange() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        Listing.readAll(cart, clock);
        fake.shop().setAvailable(mug, 8);

        QuantityChangeResult result = cart.setQuantity(new QuantityChange("MUG-1", 5, 8, UUID.randomUUID()));

        assertThat(result).isEqualTo(QuantityChangeResult.alreadyAtTarget());
        assertThat(fake.shop().mutationsApplied()).isZero();
    }

    @Test
    void samePushTwiceAppliesOnce() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        Listing.readAll(cart, clock);
        QuantityChange push = new QuantityChange("MUG-1", 5, 8, UUID.randomUUID());

        QuantityChangeResult first = cart.setQuantity(push);
        fake.shop().setAvailable(mug, 3); // someone sells five in between
        QuantityChangeResult retry = cart.setQuantity(push);

        assertThat(first).isEqualTo(QuantityChangeResult.applied());
        assertThat(retry).isEqualTo(QuantityChangeResult.applied());
        assertThat(fake.shop().available(mug)).isEqualTo(3);
        assertThat(fake.shop().mutationsApplied()).isEqualTo(1);
    }

    @Test
    void appliesABatchInOneMutation() {
        List<FakeShop.Variant> variants = List.of(
                fake.shop().add("A", 1), fake.shop().add("B", 2), fake.shop().add("C", 3));
        Listing.readAll(cart, clock);

        List<QuantityChangeResult> results = cart.setQuantities(List.of(
                new QuantityChange("A", 1, 10, UUID.randomUUID()),
                new QuantityChange("B", 2, 20, UUID.randomUUID()),
                new QuantityChange("C", 3, 30, UUID.randomUUID())));

        assertThat(results).containsOnly(QuantityChangeResult.applied()).hasSize(3);
        assertThat(variants).extracting(fake.shop()::available).containsExactly(10L, 20L, 30L);
        assertThat(fake.shop().mutationsApplied()).isOne();
        assertThat(cart.maxBatchSize()).isEqualTo(250);
    }

    @ParameterizedTest(name = "the store applies the rest of a failed batch: {0}")
    @ValueSource(booleans = {false, true})
    void aStaleOrRefusedEntrySettlesItsSkuAloneAndTheOthersApply(boolean appliesTheRest) {
        fake.shop().appliesTheRestOfAFailedBatch(appliesTheRest);
        FakeShop.Variant a = fake.shop().add("A", 1);
        FakeShop.Variant b = fake.shop().add("B", 2);
        fake.shop().add("ELSEWHERE-1", "ACTIVE", true, null);
        FakeShop.Variant c = fake.shop().add("C", 3);
        Listing.readAll(cart, clock);
        fake.shop().setAvailable(b, 5); // sold or restocked in the admin since the read

        List<QuantityChangeResult> results = cart.setQuantities(List.of(
                new QuantityChange("A", 1, 10, UUID.randomUUID()),
                new QuantityChange("B", 2, 20, UUID.randomUUID()),
                new QuantityChange("ELSEWHERE-1", 0, 4, UUID.randomUUID()),
                new QuantityChange("C", 3, 30, UUID.randomUUID())));

        assertThat(results.get(0)).isEqualTo(QuantityChangeResult.applied());
        assertThat(results.get(1)).isEqualTo(QuantityChangeResult.currentDiffers(5));
        assertThat(results.get(2).error()).startsWith("ITEM_NOT_STOCKED_AT_LOCATION: ");
        assertThat(results.get(3)).isEqualTo(QuantityChangeResult.applied());
        assertThat(List.of(a, b, c)).extracting(fake.shop()::available).containsExactly(10L, 5L, 30L);
        assertThat(fake.validationErrors()).isEmpty();
    }

    @Test
    void sameBatchTwiceAppliesOnce() {
        FakeShop.Variant a = fake.shop().add("A", 1);
        FakeShop.Variant b = fake.shop().add("B", 2);
        Listing.readAll(cart, clock);
        List<QuantityChange> batch = List.of(
                new QuantityChange("A", 1, 10, UUID.randomUUID()), new QuantityChange("B", 2, 20, UUID.randomUUID()));

        cart.setQuantities(batch);
        fake.shop().setAvailable(a, 7);
        List<QuantityChangeResult> retry = cart.setQuantities(batch);

        assertThat(retry).containsExactly(QuantityChangeResult.applied(), QuantityChangeResult.applied());
        assertThat(List.of(a, b)).extracting(fake.shop()::available).containsExactly(7L, 20L);
        assertThat(fake.shop().mutationsApplied()).isOne();
    }

    @Test
    void perItemUserErrorIsRejectedWithTheVendorCode() {
        fake.shop().add("ELSEWHERE-1", "ACTIVE", true, null);
        Listing.readAll(cart, clock);

        QuantityChangeResult result = cart.setQuantity(new QuantityChange("ELSEWHERE-1", 0, 4, UUID.randomUUID()));

        assertThat(result.status()).isEqualTo(Status.REJECTED);
        assertThat(result.error()).startsWith("ITEM_NOT_STOCKED_AT_LOCATION: ");
    }

    @Test
    void skuNeverReadIsLookedUpByItsExactSku() {
        FakeShop.Variant odd = fake.shop().add("TEE \"RED\" M", 2);
        fake.shop().add("TEE", 2);

        QuantityChangeResult result = cart.setQuantity(new QuantityChange("TEE \"RED\" M", 2, 7, UUID.randomUUID()));

        assertThat(result).isEqualTo(QuantityChangeResult.applied());
        assertThat(fake.shop().available(odd)).isEqualTo(7);
    }

    @Test
    void skuNoLongerInTheStoreIsNotInCart() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        Listing.readAll(cart, clock);
        fake.shop().remove(mug);

        assertThat(cart.setQuantity(new QuantityChange("MUG-1", 5, 8, UUID.randomUUID())))
                .isEqualTo(QuantityChangeResult.notInCart());
        assertThat(cart.setQuantity(new QuantityChange("NEVER-1", 5, 8, UUID.randomUUID())))
                .isEqualTo(QuantityChangeResult.notInCart());
    }

    @Test
    void fakeEnforcesWhatTheSchemaCannot() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        GraphQlClient client =
                new GraphQlClient(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), new CostBucket(clock));
        Map<String, Object> quantity =
                new HashMap<>(Map.of("inventoryItemId", mug.itemGid(), "locationId", FakeShop.LOCATION, "quantity", 8));
        GraphQlOperation withoutKey = new GraphQlOperation(
                "withoutKey",
                ShopifyDocuments.setQuantities(UUID.randomUUID())
                        .document()
                        .replaceAll("@idempotent\\(key: \"[^\"]+\"\\)", ""),
                10);
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            tooMany.add(Map.of(
                    "inventoryItemId",
                    mug.itemGid(),
                    "locationId",
                    FakeShop.LOCATION,
                    "quantity",
                    8,
                    "changeFromQuantity",
                    5));
        }

        assertThatThrownBy(() -> client.execute(
                        ShopifyDocuments.setQuantities(UUID.randomUUID()), Map.of("input", input(List.of(quantity)))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("changeFromQuantity is required");
        quantity.put("changeFromQuantity", 5);
        assertThatThrownBy(() -> client.execute(withoutKey, Map.of("input", input(List.of(quantity)))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("@idempotent");
        assertThatThrownBy(() -> client.execute(
                        ShopifyDocuments.setQuantities(UUID.randomUUID()), Map.of("input", input(tooMany))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("MAX_INPUT_SIZE_EXCEEDED");
        assertThat(fake.shop().available(mug)).isEqualTo(5);
        quantity.put("changeFromQuantity", null);
        client.execute(ShopifyDocuments.setQuantities(UUID.randomUUID()), Map.of("input", input(List.of(quantity))));
        assertThat(fake.shop().available(mug)).isEqualTo(8);
    }

    @Test
    void sameKeyWithOtherParametersIsAMismatch() {
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        UUID key = UUID.randomUUID();
        Listing.readAll(cart, clock);
        cart.setQuantity(new QuantityChange("MUG-1", 5, 8, key));

        QuantityChangeResult result = cart.setQuantity(new QuantityChange("MUG-1", 8, 9, key));

        assertThat(result.status()).isEqualTo(Status.REJECTED);
        assertThat(result.error()).startsWith("IDEMPOTENCY_KEY_PARAMETER_MISMATCH: ");
        assertThat(fake.shop().available(mug)).isEqualTo(8);
    }

    private static Map<String, Object> input(List<?> quantities) {
        return Map.of("name", "available", "reason", "correction", "quantities", quantities);
    }
}
