package io.productsync.matcher.matching;

import static io.productsync.matcher.matching.Events.T0;
import static io.productsync.matcher.matching.Events.cart;
import static io.productsync.matcher.matching.Events.connection;
import static io.productsync.matcher.matching.Events.wms;
import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.DeadLetters;
import io.productsync.events.EventTypes;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An input record that cannot be read goes to {@code <topic>-dlt} with its reason; the next one still counts. */
class SyncTopologyDeadLetterTest {

    private static final String VALID = """
            {"eventId":"6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b","tenantId":"acme","cartId":"shop","sku":"sku-1",
             "inventoryTracked":true,"productActive":true,"quantity":4,"observedAt":"2026-11-27T09:00:30Z"}""";

    @RegisterExtension
    final MatcherDriver matcher = new MatcherDriver();

    @BeforeEach
    void connectShop() {
        matcher.connection(connection("shop"), T0);
        matcher.wms(wms("sku-1", 4, T0));
    }

    @Test
    void deadLettersMalformedJsonAndKeepsProcessing() {
        matcher.raw(Topics.CART_INVENTORY, "acme/shop/sku-1", "{\"eventId\": oops", T0.plusSeconds(10));
        matcher.raw(Topics.CART_INVENTORY, "acme/shop/sku-1", VALID, T0.plusSeconds(30));

        TestRecord<String, String> dead = onlyDeadLetter();
        assertThat(dead.key()).isEqualTo("acme/shop/sku-1");
        assertThat(dead.value()).isEqualTo("{\"eventId\": oops");
        assertThat(header(dead.headers(), DeadLetters.REASON)).contains("not a valid CartInventoryObserved");
        assertThat(header(dead.headers(), DeadLetters.EXCEPTION)).contains("SerializationException");
        assertThat(header(dead.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo("cart-inventory");
        assertThat(header(dead.headers(), DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(matcher.results())
                .extracting(record -> record.value().outcome())
                .containsExactly(SyncOutcome.VERIFIED);
    }

    @Test
    void deadLettersInvalidFieldWithReasonNamingTheField() {
        matcher.raw(
                Topics.CART_INVENTORY,
                "acme/shop/sku-1",
                VALID.replace("\"tenantId\":\"acme\"", "\"tenantId\":\"ACME\""),
                T0.plusSeconds(10));
        matcher.raw(Topics.CART_INVENTORY, "acme/shop/sku-1", VALID, T0.plusSeconds(30));

        assertThat(header(onlyDeadLetter().headers(), DeadLetters.REASON)).contains("tenantId 'ACME'");
        assertThat(matcher.results()).hasSize(1);
    }

    @Test
    void deadLettersRecordWhoseKeyDoesNotParse() {
        matcher.raw(Topics.CART_INVENTORY, "acme-shop-sku-1", VALID, T0.plusSeconds(10));

        assertThat(header(onlyDeadLetter().headers(), DeadLetters.REASON))
                .contains("bad key on cart-inventory")
                .contains("3 parts");
        assertThat(matcher.results()).isEmpty();
    }

    @Test
    void deadLettersRecordWhoseKeyDisagreesWithItsValue() {
        matcher.cart(cart("shop", "sku-2", 4, T0.plusSeconds(5)));
        assertThat(matcher.verdicts()).containsExactly("NO_WMS_MATCH");

        matcher.raw(Topics.CART_INVENTORY, "acme/shop/sku-2", VALID, T0.plusSeconds(10));

        assertThat(header(onlyDeadLetter().headers(), DeadLetters.REASON)).contains("disagrees");
        assertThat(matcher.results()).isEmpty();
    }

    @Test
    void deadLettersAliasWhoseKeyNamesAnotherAliasAndKeepsTheAliasTableClean() {
        matcher.cart(cart("shop", "sku-1", 4, T0.plusSeconds(5)));
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");

        matcher.raw(
                Topics.PRODUCT_ALIASES,
                "acme/sku-1",
                "{\"tenantId\":\"acme\",\"alias\":\"other\",\"wmsSku\":\"missing\",\"kind\":\"SKU\"}",
                T0.plusSeconds(10));

        List<TestRecord<String, String>> dead = matcher.deadLetters(Topics.PRODUCT_ALIASES);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0).headers(), DeadLetters.REASON)).contains("disagrees");
        assertThat(matcher.results()).isEmpty();
    }

    @Test
    void deadLettersWmsRecordMissingARequiredField() {
        matcher.raw(
                Topics.WMS_INVENTORY,
                "acme/main/sku-9",
                "{\"eventId\":\"6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6c\",\"tenantId\":\"acme\",\"wmsId\":\"main\","
                        + "\"sku\":\"sku-9\",\"observedAt\":\"2026-11-27T09:00:30Z\"}",
                T0.plusSeconds(10));

        List<TestRecord<String, String>> dead = matcher.deadLetters(Topics.WMS_INVENTORY);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0).headers(), DeadLetters.REASON)).contains("available");
    }

    @Test
    void deadLettersACartInventoryRecordOfAnUnknownEventType() {
        matcher.raw(
                Topics.CART_INVENTORY,
                "acme/shop",
                "{}",
                new RecordHeaders().add(EventTypes.HEADER, "CartCyclePaused".getBytes(StandardCharsets.UTF_8)),
                T0.plusSeconds(10));
        matcher.raw(Topics.CART_INVENTORY, "acme/shop/sku-1", VALID, T0.plusSeconds(30));

        TestRecord<String, String> dead = onlyDeadLetter();
        assertThat(header(dead.headers(), DeadLetters.REASON)).contains("unknown event-type 'CartCyclePaused'");
        assertThat(header(dead.headers(), EventTypes.HEADER)).isEqualTo("CartCyclePaused");
        assertThat(matcher.verdicts()).containsExactly("VERIFIED");
    }

    @Test
    void deadLettersACycleEndMissingItsCycleTime() {
        matcher.raw(
                Topics.CART_INVENTORY,
                "acme/shop",
                "{\"eventId\":\"6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6d\",\"tenantId\":\"acme\",\"cartId\":\"shop\","
                        + "\"skus\":1,\"published\":0,\"removed\":0,\"completedAt\":\"2026-11-27T09:00:30Z\"}",
                new RecordHeaders()
                        .add(EventTypes.HEADER, EventTypes.CART_CYCLE_COMPLETED.getBytes(StandardCharsets.UTF_8)),
                T0.plusSeconds(10));

        assertThat(header(onlyDeadLetter().headers(), DeadLetters.REASON))
                .contains("CartCycleCompleted")
                .contains("cycleAt");
        assertThat(matcher.cycleVerdicts()).isEmpty();
    }

    private TestRecord<String, String> onlyDeadLetter() {
        List<TestRecord<String, String>> dead = matcher.deadLetters(Topics.CART_INVENTORY);
        assertThat(dead).hasSize(1);
        return dead.get(0);
    }

    private static String header(Headers headers, String name) {
        return headers.lastHeader(name) == null
                ? null
                : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
