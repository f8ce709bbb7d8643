package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopifyReadTest {

    private final MovableClock clock = new MovableClock();
    private final ShopifyFake fake = new ShopifyFake(clock);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void readsEveryPageToTheEndAndMapsEachVariant() {
        for (int i = 0; i < 20; i++) {
            fake.shop().add("SKU-" + i, i);
        }
        fake.shop().add("DRAFT-1", "DRAFT", true, 4L);
        fake.shop().add("UNTRACKED-1", "ACTIVE", false, 0L);
        fake.shop().add("", 9);
        fake.shop().add("ELSEWHERE-1", "ACTIVE", true, null);

        Listing listing = Listing.readAll(connector(10), clock);

        assertThat(listing.pages()).hasSize(3);
        assertThat(listing.pages().get(0).nextCursor()).isNotNull();
        assertThat(listing.pages().get(2).isLast()).isTrue();
        assertThat(listing.items()).hasSize(22).contains(new CartItem("SKU-7", true, true, 7));
        assertThat(listing.items())
                .contains(new CartItem("DRAFT-1", true, false, 4), new CartItem("UNTRACKED-1", false, true, 0));
        assertThat(listing.unreadableSkus()).containsExactly("ELSEWHERE-1");
        assertThat(fake.validationErrors()).isEmpty();
    }

    @Test
    void duplicateSkuIsPublishedWithItsListingsAndTheFirstVariantsQuantityAndIsNeverPushed() {
        FakeShop.Variant first = fake.shop().add("DUP-1", 3);
        fake.shop().add("OTHER", 1);
        FakeShop.Variant second = fake.shop().add("DUP-1", 8);
        ShopifyCartConnector cart = connector(250);

        Listing listing;
        try (CapturedLogs logs = new CapturedLogs()) {
            listing = Listing.readAll(cart, clock);
            assertThat(logs.lines())
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("WARN")
                            .contains("DUP-1", first.gid(), second.gid(), "DUPLICATE_CART_SKU"));
        }

        assertThat(listing.items())
                .containsExactly(new CartItem("DUP-1", true, true, 3, 2), new CartItem("OTHER", true, true, 1));
        assertThat(listing.unreadableSkus()).isEmpty();
        QuantityChangeResult result = cart.setQuantity(new QuantityChange("DUP-1", 3, 5, UUID.randomUUID()));
        assertThat(result.status()).isEqualTo(QuantityChangeResult.Status.REJECTED);
        assertThat(result.error()).contains(first.gid(), second.gid());
        assertThat(fake.shop().mutationsApplied()).isZero();
    }

    @Test
    void duplicateFoundOnALaterPageIsPublishedAgainThereAndFromTheFirstPageOfTheNextListingOn() {
        fake.shop().add("DUP-1", 3);
        fake.shop().add("OTHER", 1);
        fake.shop().add("DUP-1", 8);
        ShopifyCartConnector cart = connector(1);

        Listing firstListing = Listing.readAll(cart, clock);
        Listing secondListing = Listing.readAll(cart, clock);

        // the page that finds the second variant outranks the first page's record of the same snapshot
        assertThat(firstListing.items())
                .containsExactly(
                        new CartItem("DUP-1", true, true, 3, 1),
                        new CartItem("OTHER", true, true, 1),
                        new CartItem("DUP-1", true, true, 3, 2));
        assertThat(secondListing.items())
                .containsExactly(
                        new CartItem("DUP-1", true, true, 3, 2),
                        new CartItem("OTHER", true, true, 1),
                        new CartItem("DUP-1", true, true, 3, 2));
        assertThat(secondListing.unreadableSkus()).isEmpty();
    }

    @Test
    void aDuplicateStaysRefusedUntilAListingShowsItOnOneVariantThenIsListedOnceAndPushed() {
        FakeShop.Variant first = fake.shop().add("DUP-1", 3);
        fake.shop().add("OTHER", 1);
        FakeShop.Variant second = fake.shop().add("DUP-1", 8);
        ShopifyCartConnector cart = connector(1);
        Listing.readAll(cart, clock);
        fake.shop().remove(second);

        Listing firstPageAfterTheFix = Listing.read(cart, clock, null, 1);
        QuantityChangeResult meanwhile = cart.setQuantity(new QuantityChange("DUP-1", 3, 5, UUID.randomUUID()));
        Listing restOfIt =
                Listing.readAll(cart, clock, firstPageAfterTheFix.lastPage().nextCursor());
        Listing next = Listing.readAll(cart, clock);

        assertThat(firstPageAfterTheFix.items()).containsExactly(new CartItem("DUP-1", true, true, 3, 2));
        assertThat(meanwhile.status()).isEqualTo(QuantityChangeResult.Status.REJECTED);
        assertThat(restOfIt.lastPage().isLast()).isTrue();
        assertThat(next.items())
                .containsExactly(new CartItem("DUP-1", true, true, 3, 1), new CartItem("OTHER", true, true, 1));
        QuantityChangeResult pushed = cart.setQuantity(new QuantityChange("DUP-1", 3, 5, UUID.randomUUID()));
        assertThat(pushed.status()).isEqualTo(QuantityChangeResult.Status.APPLIED);
        assertThat(fake.shop().available(first)).isEqualTo(5);
    }

    @Test
    void aDuplicateWhoseFirstVariantIsNotStockedAtTheLocationReportsTheNextOnesQuantity() {
        fake.shop().add("DUP-1", "ACTIVE", true, null);
        fake.shop().add("DUP-1", "DRAFT", false, 8L);
        fake.shop().add("ELSEWHERE-1", "ACTIVE", true, null);

        Listing listing = Listing.readAll(connector(1), clock);

        assertThat(listing.unreadableSkus()).containsExactly("DUP-1", "ELSEWHERE-1");
        assertThat(listing.items()).containsExactly(new CartItem("DUP-1", false, false, 8, 2));
    }

    @Test
    void fakeRejectsADocumentThatDoesNotFitShopifysSchema() {
        GraphQlClient client =
                new GraphQlClient(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), new CostBucket(clock));
        GraphQlOperation misspelled =
                new GraphQlOperation("misspelled", "query { productVariants(first: 1) { nodes { id skuu } } }", 10);

        assertThatThrownBy(() -> client.execute(misspelled, new HashMap<>()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("undefinedField")
                .hasMessageContaining("skuu");
        assertThat(fake.validationErrors()).singleElement().asString().contains("skuu");
    }

    @Test
    void fakeRefusesMoreThan250VariantsAPage() {
        GraphQlClient client =
                new GraphQlClient(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), new CostBucket(clock));
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", 251);
        variables.put("after", null);
        variables.put("location", FakeShop.LOCATION);

        assertThatThrownBy(() -> client.execute(ShopifyDocuments.READ_VARIANTS, variables))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("250");
    }

    private ShopifyCartConnector connector(int pageSize) {
        return new ShopifyCartConnector(
                fake.settings().withPageSize(pageSize), new ShopifyCredentials(ShopifyFake.TOKEN), clock);
    }
}
