package io.productsync.poller.extensiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensivSettingsTest {

    @Test
    void readsAConnectionsSettingsWithTheVendorsDefaults() {
        ExtensivSettings settings = ExtensivSettings.from(Map.of("customerId", "42", "facilityIds", "1, 2"));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://secure-wms.com"));
        assertThat(settings.customerId()).isEqualTo(42);
        assertThat(settings.facilityIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(settings.pageSize()).isEqualTo(500);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void takesABaseUrlOverridePageSizeAndTimeout() {
        ExtensivSettings settings = ExtensivSettings.from(Map.of(
                "customerId", "42",
                "facilityIds", "7",
                "baseUrl", "http://localhost:8089/proxy/",
                "pageSize", "100",
                "requestTimeout", "5s"));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8089/proxy"));
        assertThat(settings.pageSize()).isEqualTo(100);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesBadSettingsNamingTheField() {
        assertThatThrownBy(() -> ExtensivSettings.from(Map.of("facilityIds", "1")))
                .hasMessage("customerId is required");
        assertThatThrownBy(() -> ExtensivSettings.from(Map.of("customerId", "42", "facilityIds", "1,main")))
                .hasMessage("facilityIds must be whole numbers separated by commas, was '1,main'");
        assertThatThrownBy(() -> ExtensivSettings.from(Map.of("customerId", "42")))
                .hasMessage("facilityIds is required");
        assertThatThrownBy(
                        () -> ExtensivSettings.from(Map.of("customerId", "42", "facilityIds", "1", "pageSize", "1000")))
                .hasMessage("pageSize must be 1 to 500, was 1000");
        assertThatThrownBy(() -> ExtensivSettings.from(
                        Map.of("customerId", "42", "facilityIds", "1", "baseUrl", "ftp://secure-wms.com")))
                .hasMessage("baseUrl must be an absolute http(s) URL, was ftp://secure-wms.com");
        assertThatThrownBy(() ->
                        ExtensivSettings.from(Map.of("customerId", "42", "facilityIds", "1", "requestTimeout", "30")))
                .hasMessageStartingWith("requestTimeout must be a duration");
        assertThatThrownBy(() -> ExtensivSettings.of(42, Set.of(0L))).hasMessageContaining("facilityIds");
    }

    @Test
    void credentialsShowNoneOfTheirValues() {
        ExtensivCredentials credentials = ExtensivCredentials.from(
                Map.of("clientId", "the-id", "clientSecret", "the-secret", "userLogin", "guysmiley", "tpl", "{GUID}"));

        assertThat(credentials.toString())
                .isEqualTo("ExtensivCredentials[clientId=***, clientSecret=***, userLogin=***, tpl=***]");
        assertThat(credentials.basicAuthorization()).isEqualTo("Basic dGhlLWlkOnRoZS1zZWNyZXQ=");
        assertThatThrownBy(() -> ExtensivCredentials.from(Map.of("clientId", "the-id", "userLogin", "guysmiley")))
                .hasMessage("clientSecret is required");
    }
}
