package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConnectionEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final String SEALED = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    @Test
    void toStringShowsThatCredentialsAreSetButNeverTheCiphertext() {
        var cart = new CartConnectionConfigured(
                "acme",
                "shop",
                "main",
                true,
                true,
                Duration.ofMinutes(5),
                T0,
                CartPlatform.SHOPIFY,
                Map.of("shopDomain", "acme.myshopify.com"),
                SEALED,
                T0);
        var wms = new WmsConnectionConfigured(
                "acme", "main", WmsPlatform.EXTENSIV, Map.of("customerId", "7"), SEALED, T0, T0);

        assertThat(cart.toString())
                .contains("sealedCredentials=<sealed>", "shopDomain=acme.myshopify.com", "platform=shopify")
                .doesNotContain(SEALED, "AQID");
        assertThat(wms.toString())
                .contains("sealedCredentials=<sealed>", "platform=extensiv")
                .doesNotContain(SEALED, "AQID");
    }

    @Test
    void aWmsPollIntervalIsOptionalAndPositive() {
        var wms = new WmsConnectionConfigured(
                "acme", "main", WmsPlatform.EXTENSIV, Map.of(), null, null, T0, Duration.ofSeconds(30));
        JsonSerde<WmsConnectionConfigured> serde = JsonSerde.of(WmsConnectionConfigured.class);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", wms)))
                .isEqualTo(wms);
        assertThat(new String(serde.serializer().serialize("t", wms), StandardCharsets.UTF_8))
                .contains("\"pollInterval\":\"PT30S\"");
        assertThatThrownBy(() -> new WmsConnectionConfigured(
                        "acme", "main", WmsPlatform.EXTENSIV, Map.of(), null, null, T0, Duration.ZERO))
                .hasMessageContaining("pollInterval must be positive");
    }

    @Test
    void sealedCredentialsAreBase64AndComeWithTheTimeTheyWereSet() {
        assertThatThrownBy(() -> wms(SEALED, null)).hasMessageContaining("both or neither");
        assertThatThrownBy(() -> wms(null, T0)).hasMessageContaining("both or neither");
        assertThatThrownBy(() -> wms("not base64!", T0)).hasMessage("sealedCredentials must be base64 ciphertext");
        assertThatThrownBy(() -> wms("", T0)).hasMessage("sealedCredentials is empty");
        assertThat(wms(null, null).sealedCredentials()).isNull();
    }

    @Test
    void settingsAreCopiedInNameOrderAndRefuseNullValues() {
        Map<String, String> settings = new HashMap<>();
        settings.put("zone", "z");
        settings.put("apiVersion", "2026-04");

        var wms = new WmsConnectionConfigured("acme", "main", WmsPlatform.SANDBOX, settings, null, null, T0);
        settings.put("later", "x");

        assertThat(wms.settings()).containsOnlyKeys("apiVersion", "zone");
        assertThat(wms.settings().keySet()).containsExactly("apiVersion", "zone");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("baseUrl", null);
        assertThatThrownBy(() ->
                        new WmsConnectionConfigured("acme", "main", WmsPlatform.SANDBOX, withNull, null, null, T0))
                .hasMessageContaining("settings.baseUrl is null");
    }

    @Test
    void anUnknownPlatformFailsToDeserializeNamingThePlatformsThereAre() {
        String json = new String(Fixtures.bytes("wms-connection-configured.json"), StandardCharsets.UTF_8)
                .replace("\"extensiv\"", "\"netsuite\"");

        assertThatThrownBy(() -> JsonSerde.of(WmsConnectionConfigured.class)
                        .deserialize("wms-connections", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("platform 'netsuite' is not one of sandbox, extensiv");
        assertThatThrownBy(() -> CartPlatform.ofToken("bigcommerce"))
                .hasMessage("platform 'bigcommerce' is not one of sandbox, shopify");
    }

    @Test
    void aCartAndAWmsOfTheSameIdSealWithDifferentContexts() {
        assertThat(new CartKey("acme", "main").credentialsContext())
                .isNotEqualTo(new WmsKey("acme", "main").credentialsContext());
        assertThat(WmsKey.parse("acme/main")).isEqualTo(new WmsKey("acme", "main"));
        assertThat(Topics.named("wms-connections")).isSameAs(Topics.WMS_CONNECTIONS);
        assertThat(Topics.WMS_CONNECTIONS.compacted()).isTrue();
    }

    private static WmsConnectionConfigured wms(String sealed, Instant setAt) {
        return new WmsConnectionConfigured("acme", "main", WmsPlatform.EXTENSIV, Map.of(), sealed, setAt, T0);
    }
}
