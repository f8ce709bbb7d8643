package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.CartItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector's side of webhooks: subscribing, checking a delivery's signature, reading its items again. */
class ShopifyWebhookTest {

    private static final URI CALLBACK = URI.create("https://sync.example.com/webhooks/shopify/acme/shop");

    private final MovableClock clock = new MovableClock();
    private final ShopifyFake fake = new ShopifyFake(clock);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void subscribesBothTopicsOnTheFirstListingAndNothingTwiceAfterARestart() {
        fake.shop().add("MUG", 5);

        Listing.readAll(connector(CALLBACK), clock);
        Listing.readAll(connector(CALLBACK), clock); // a restart builds a new connector

        assertThat(fake.webhooks().subscribed("INVENTORY_LEVELS_UPDATE")).containsExactly(CALLBACK.toString());
        assertThat(fake.webhooks().subscribed("PRODUCTS_UPDATE")).containsExactly(CALLBACK.toString());
        assertThat(fake.webhooks().subscriptionCount()).isEqualTo(2);
        assertThat(fake.validationErrors()).isEmpty();
    }

    @Test
    void withoutACallbackSubscribesNothingAndStillReads() {
        fake.shop().add("MUG", 5);

        Listing listing = Listing.readAll(connector(null), clock);

        assertThat(listing.items()).containsExactly(new CartItem("MUG", true, true, 5));
        assertThat(fake.webhooks().subscriptionCount()).isZero();
    }

    @Test
    void acceptsTheStoresSignatureAndRefusesAForgedOneOrAnyWithoutTheSecret() {
        byte[] body = "{\"inventory_item_id\":1,\"location_id\":2,\"available\":3}".getBytes(StandardCharsets.UTF_8);
        String signature = FakeWebhooks.sign(new String(body, StandardCharsets.UTF_8));
        ShopifyCartConnector cart = connector(CALLBACK);

        assertThat(cart.signs(body, signature)).isTrue();
        assertThat(cart.signs(body, FakeWebhooks.sign("{\"inventory_item_id\":1}")))
                .isFalse();
        assertThat(cart.signs("{\"inventory_item_id\":9}".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(cart.signs(body, null)).isFalse();
        assertThat(cart.signs(body, "not base64 at all!")).isFalse();
        ShopifyCartConnector withoutSecret =
                new ShopifyCartConnector(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), clock, CALLBACK);
        assertThat(withoutSecret.signs(body, signature)).isFalse();
    }

    @Test
    void readsTheItemsADeliveryNamesWithIdsAbove2To53() {
        ShopifyCartConnector cart = connector(CALLBACK);
        String location = FakeShop.LOCATION.substring(FakeShop.LOCATION.lastIndexOf('/') + 1);

        assertThat(cart.changedItems(
                        "inventory_levels/update",
                        bytes("{\"inventory_item_id\":9007199254740993,\"location_id\":" + location
                                + ",\"available\":null}")))
                .containsExactly("gid://shopify/InventoryItem/9007199254740993");
        assertThat(cart.changedItems(
                        "inventory_levels/update",
                        bytes("{\"inventory_item_id\":\"271878346596884015\",\"location_id\":\"" + location
                                + "\",\"available\":6}")))
                .containsExactly("gid://shopify/InventoryItem/271878346596884015");
        assertThat(cart.changedItems(
                        "inventory_levels/update",
                        bytes("{\"inventory_item_id\":271878346596884015,\"location_id\":24826418,\"available\":6}")))
                .as("another location")
                .isEmpty();
        assertThat(cart.changedItems(
                        "products/update",
                        bytes("{\"id\":1,\"status\":\"active\",\"variants\":[{\"id\":2,\"inventory_item_id\":"
                                + "9007199254740995},{\"id\":3,\"inventory_item_id\":9007199254740997}]}")))
                .containsExactly(
                        "gid://shopify/InventoryItem/9007199254740995", "gid://shopify/InventoryItem/9007199254740997");
        assertThat(cart.changedItems("orders/create", bytes("{}"))).isEmpty();
        assertThatThrownBy(() -> cart.changedItems("inventory_levels/update", bytes("{\"inventory_item_id\":")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> cart.changedItems("inventory_levels/update", bytes("{\"location_id\":1.5}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location_id");
    }

    @Test
    void readsAgainOnlySkusAListingHasSeenOnOneVariant() {
        // a new SKU waits for the poll that tracks it; a duplicate stays as the listing reported it
        FakeShop.Variant mug = fake.shop().add("MUG", 5);
        FakeShop.Variant tee = fake.shop().add("TEE", 2);
        FakeShop.Variant duplicate = fake.shop().add("DUP", 1);
        fake.shop().add("DUP", 3);
        ShopifyCartConnector cart = connector(CALLBACK);
        Listing.readAll(cart, clock);
        fake.shop().setAvailable(mug, 9);
        fake.shop().setProductStatus(tee, "DRAFT");
        FakeShop.Variant added = fake.shop().add("NEW", 4);

        List<CartItem> items = cart.readItems(List.of(
                mug.itemGid(), tee.itemGid(), added.itemGid(), duplicate.itemGid(), "gid://shopify/InventoryItem/1"));

        assertThat(items).containsExactly(new CartItem("MUG", true, true, 9), new CartItem("TEE", true, false, 2));
        assertThat(fake.shop().itemReads()).isEqualTo(1);
        assertThat(fake.validationErrors()).isEmpty();
    }

    private ShopifyCartConnector connector(URI callback) {
        return new ShopifyCartConnector(
                fake.settings(),
                new ShopifyCredentials(ShopifyFake.TOKEN, FakeWebhooks.API_SECRET_KEY),
                clock,
                callback);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
