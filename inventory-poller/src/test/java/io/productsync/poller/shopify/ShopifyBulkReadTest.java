package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopifyBulkReadTest {

    private final MovableClock clock = new MovableClock();
    private final ShopifyFake fake = new ShopifyFake(clock);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void readsA50000VariantShopThroughABulkOperationStreamingItsFile() {
        List<CartItem> expected = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            fake.shop().add("SKU-" + i, i % 97);
            expected.add(new CartItem("SKU-" + i, true, true, i % 97));
        }
        CountDownLatch held = fake.bulk().holdFilesAfter(1000);
        ShopifyCartConnector cart = connector(fake.settings());

        Page<CartItem> started = cart.readPage(null);
        Listing firstPage = Listing.read(cart, clock, started.nextCursor(), 1);
        Page<CartItem> first = firstPage.lastPage();
        // the fake holds the rest of its file until released: a connector that waited for the whole body would
        // only get here once the fake had given up waiting and finished writing
        int finishedAtFirstPage = fake.bulk().filesFinished();
        held.countDown();
        Listing rest = Listing.readAll(cart, clock, first.nextCursor());

        assertThat(started.items()).isEmpty();
        assertThat(firstPage.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(finishedAtFirstPage).isZero();
        assertThat(fake.bulk().filesStarted()).isEqualTo(1);
        assertThat(first.items()).hasSize(250);
        List<CartItem> items = new ArrayList<>(first.items());
        items.addAll(rest.items());
        assertThat(items).isEqualTo(expected);
        assertThat(rest.pages()).hasSize(199);
        assertThat(rest.pages().get(198).isLast()).isTrue();
        assertThat(fake.bulk().filesFinished()).isEqualTo(1);
        // a count, the bulk query, three polls; no page of productVariants
        assertThat(fake.requestsServed()).isEqualTo(5);
        assertThat(fake.throttledRequests()).isZero();
        assertThat(fake.validationErrors()).isEmpty();
    }

    @Test
    void duplicateMissingSkuAndMissingAvailableReadInBulkAsTheyDoInPages() {
        fake.shop().add("DUP-1", 3);
        fake.shop().add("OTHER", 1);
        fake.shop().add("", 9);
        fake.shop().add("ELSEWHERE-1", "ACTIVE", true, null);
        fake.shop().add("DRAFT-1", "DRAFT", false, 4L);
        fake.shop().add("DUP-1", 8);

        Listing paged = Listing.readAll(connector(fake.settings()), clock);
        Listing bulk = Listing.readAll(connector(fake.settings().withBulkThreshold(0)), clock);

        assertThat(fake.bulk().started()).isEqualTo(1);
        assertThat(bulk.items())
                .containsExactly(
                        new CartItem("DUP-1", true, true, 3, 2),
                        new CartItem("OTHER", true, true, 1),
                        new CartItem("DRAFT-1", false, false, 4))
                .isEqualTo(paged.items());
        assertThat(bulk.unreadableSkus()).containsExactlyInAnyOrderElementsOf(paged.unreadableSkus());
        assertThat(bulk.unreadableSkus()).containsExactly("ELSEWHERE-1");
        assertThat(fake.validationErrors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"FAILED, INTERNAL_SERVER_ERROR", "CANCELED, ''", "EXPIRED, ''"})
    void anOperationThatDoesNotCompleteLeavesTheListingIncomplete(String status, String errorCode) {
        for (int i = 0; i < 20; i++) {
            fake.shop().add("SKU-" + i, i);
        }
        fake.bulk().endWith(status, errorCode.isEmpty() ? null : errorCode);
        ShopifyCartConnector cart = connector(fake.settings().withBulkThreshold(10));

        assertThatThrownBy(() -> Listing.readAll(cart, clock))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(ThrottledException.class)
                .hasMessageContaining(
                        "bulk operation gid://shopify/BulkOperation/1 ended " + status + errorCode(errorCode))
                .hasMessageContaining("incomplete");
        assertThat(fake.bulk().filesStarted()).isZero();

        fake.bulk().endWith("COMPLETED", null);
        assertThat(Listing.readAll(cart, clock).items()).hasSize(20);
        assertThat(fake.bulk().started()).isEqualTo(2);
    }

    @Test
    void aFileCutShortFailsTheListingInsteadOfEndingIt() {
        for (int i = 0; i < 1000; i++) {
            fake.shop().add("SKU-" + i, i);
        }
        fake.bulk().cutFilesAfter(500);
        ShopifyCartConnector cart = connector(fake.settings().withBulkThreshold(10));
        Listing before = Listing.read(cart, clock, null, 2);

        assertThatThrownBy(() -> cart.readPage(before.lastPage().nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("bulk file of gid://shopify/BulkOperation/1")
                .hasMessageNotContaining("signature");
        // the start, then 250 lines; the next 250 are read but the file breaks before it says whether more follow
        assertThat(before.pages()).extracting(page -> page.items().size()).containsExactly(0, 250);
        assertThat(before.pages()).noneMatch(Page::isLast);
    }

    @Test
    void aShopAtTheThresholdIsReadByPagesAndOneVariantMoreInBulk() {
        for (int i = 0; i < 10_000; i++) {
            fake.shop().add("SKU-" + i, i);
        }
        ShopifyCartConnector cart = connector(fake.settings());

        Listing atThreshold = Listing.readAll(cart, clock);
        fake.shop().add("SKU-10000", 1);
        Listing over = Listing.readAll(cart, clock);

        assertThat(atThreshold.pages()).hasSize(40);
        assertThat(atThreshold.items()).hasSize(10_000);
        assertThat(over.items()).hasSize(10_001);
        assertThat(over.pages().get(0).nextCursor()).startsWith("bulk:");
        assertThat(fake.bulk().started()).isEqualTo(1);
        assertThat(fake.throttledRequests()).isZero();
    }

    @Test
    void aSecondBulkQueryWhileOneRunsIsRefusedAndTheFirstStillCompletes() {
        for (int i = 0; i < 20; i++) {
            fake.shop().add("SKU-" + i, i);
        }
        ShopifySettings bulk = fake.settings().withBulkThreshold(10);
        ShopifyCartConnector first = connector(bulk);
        ShopifyCartConnector second = connector(bulk);

        Page<CartItem> started = first.readPage(null);

        assertThatThrownBy(() -> second.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("OPERATION_IN_PROGRESS");
        assertThat(Listing.readAll(first, clock, started.nextCursor()).items()).hasSize(20);
        assertThat(Listing.readAll(second, clock).items()).hasSize(20);
        assertThat(fake.bulk().started()).isEqualTo(2);
    }

    @Test
    void fakeValidatesTheBulkQueryAgainstTheSchemaAndTheBulkLimits() {
        GraphQlClient client =
                new GraphQlClient(fake.settings(), new ShopifyCredentials(ShopifyFake.TOKEN), new CostBucket(clock));

        Map<String, String> refused = new HashMap<>();
        for (String query : List.of(
                "{ productVariants { edges { node { id skuu } } } }",
                "{ shop { name } }",
                "{ nodes(ids: [\"gid://shopify/ProductVariant/1\"]) { id } }",
                "{ products { edges { node { variants { edges { node { sellingPlanGroups { edges { node { id } } }"
                        + " } } } } } } }")) {
            refused.put(
                    query,
                    client.execute(ShopifyDocuments.RUN_BULK_QUERY, Map.of("query", query))
                            .path("bulkOperationRunQuery")
                            .toString());
        }

        assertThat(refused.values()).allSatisfy(payload -> assertThat(payload).contains("\"code\":\"INVALID\""));
        assertThat(String.join("\n", refused.values()))
                .contains("skuu", "at least one connection", "node and nodes", "more than 2 levels");
        assertThat(fake.validationErrors()).hasSize(4);
        assertThat(fake.bulk().started()).isZero();
    }

    private static String errorCode(String code) {
        return code.isEmpty() ? "" : " (" + code + ")";
    }

    private ShopifyCartConnector connector(ShopifySettings settings) {
        return new ShopifyCartConnector(settings, new ShopifyCredentials(ShopifyFake.TOKEN), clock);
    }
}
