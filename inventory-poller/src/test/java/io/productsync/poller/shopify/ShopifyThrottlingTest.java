package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyThrottlingTest {

    // 100 points restored at 10 a second; a page of 10 variants costs 32 in the fake.
    private final MovableClock clock = new MovableClock();
    private final ShopifyFake fake = new ShopifyFake(100, 10, clock);
    private final ShopifyCartConnector cart = new ShopifyCartConnector(
            fake.settings().withPageSize(10), new ShopifyCredentials(ShopifyFake.TOKEN), clock);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void waitsBeforeEveryRequestTheBucketCannotPayForAndStillReadsEverything() {
        for (int i = 0; i < 95; i++) {
            fake.shop().add("SKU-" + i, i);
        }

        Listing listing = Listing.readAll(cart, clock);

        assertThat(listing.items()).hasSize(95);
        assertThat(listing.pages()).hasSize(10);
        assertThat(listing.waits()).isNotEmpty();
        assertThat(fake.throttledRequests()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 429})
    void throttledAnswerIsWaitedForWhateverItsStatus(int status) {
        for (int i = 0; i < 15; i++) {
            fake.shop().add("SKU-" + i, i);
        }
        fake.answerThrottledWith(status);
        // the count before the first page told the connector the bucket; the first page waits for its estimate
        Page<CartItem> first = Listing.read(cart, clock, null, 1).lastPage();
        fake.drainBucket(); // another app of the store spent it: our estimate cannot know

        ThrottledException throttled =
                catchThrowableOfType(ThrottledException.class, () -> cart.readPage(first.nextCursor()));

        // (requested 32 - available 0) / restoreRate 10 = 3.2 s
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMillis(3200));
        assertThat(fake.throttledRequests()).isEqualTo(1);
        clock.advance(throttled.retryAfter());
        assertThat(cart.readPage(first.nextCursor()).items()).hasSize(5);
        assertThat(fake.throttledRequests()).isEqualTo(1);
    }
}
