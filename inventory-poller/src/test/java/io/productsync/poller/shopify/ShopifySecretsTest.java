package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.ThrottledException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopifySecretsTest {

    private static final String WRONG_TOKEN = "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";

    private final MovableClock clock = new MovableClock();
    private final ShopifyFake fake = new ShopifyFake(clock);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void accessTokenAppearsInNoLogLineExceptionMessageOrToString() {
        ShopifyCredentials good = new ShopifyCredentials(ShopifyFake.TOKEN);
        ShopifyCredentials wrong = new ShopifyCredentials(WRONG_TOKEN);
        ShopifyCartConnector cart = new ShopifyCartConnector(fake.settings().withPageSize(10), good, clock);
        ShopifyCartConnector refused = new ShopifyCartConnector(fake.settings(), wrong, clock);
        FakeShop.Variant mug = fake.shop().add("MUG-1", 5);
        fake.shop().add("DUP-1", 1);
        fake.shop().add("DUP-1", 2);
        fake.shop().add("ELSEWHERE-1", "ACTIVE", true, null);
        List<String> seen = new ArrayList<>();

        try (CapturedLogs logs = new CapturedLogs()) {
            seen.add(failure(() -> refused.readPage(null)));
            seen.add(failure(() -> refused.setQuantity(new QuantityChange("MUG-1", 5, 6, UUID.randomUUID()))));
            Listing.readAll(cart, clock);
            fake.shop().setAvailable(mug, 4);
            seen.add(cart.setQuantity(new QuantityChange("MUG-1", 5, 6, UUID.randomUUID()))
                    .toString());
            seen.add(cart.setQuantity(new QuantityChange("DUP-1", 1, 6, UUID.randomUUID()))
                    .toString());
            seen.add(cart.setQuantity(new QuantityChange("ELSEWHERE-1", 0, 6, UUID.randomUUID()))
                    .toString());
            seen.add(cart.setQuantity(new QuantityChange("NEVER-1", 0, 6, UUID.randomUUID()))
                    .toString());
            fake.drainBucket();
            seen.add(failure(() -> cart.readPage(null)));
            seen.addAll(logs.lines());
        }
        seen.add(good.toString());
        seen.add(wrong.toString());
        seen.add(fake.settings().toString());

        assertThat(seen)
                .as("what the error paths produced")
                .anySatisfy(text -> assertThat(text).contains("HTTP 401"))
                .anySatisfy(text -> assertThat(text).contains("CURRENT_DIFFERS"))
                .anySatisfy(text -> assertThat(text).contains("ITEM_NOT_STOCKED_AT_LOCATION"))
                .anySatisfy(text -> assertThat(text).contains("THROTTLED"))
                .anySatisfy(text -> assertThat(text).startsWith("WARN").contains("DUP-1"));
        assertThat(seen).noneSatisfy(text -> assertThat(text).contains(ShopifyFake.TOKEN));
        assertThat(seen).noneSatisfy(text -> assertThat(text).contains(WRONG_TOKEN));
    }

    private static String failure(Runnable call) {
        try {
            call.run();
        } catch (ThrottledException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " after " + e.retryAfter();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
