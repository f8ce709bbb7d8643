package io.productsync.poller.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ShopifySettingsTest {

    @Test
    void postsToTheStoresGraphqlEndpointAtThePinnedVersion() {
        ShopifySettings settings = ShopifySettings.of("my-store.myshopify.com", "124656943", null);

        assertThat(settings.graphqlEndpoint())
                .isEqualTo(URI.create("https://my-store.myshopify.com/admin/api/2026-04/graphql.json"));
        assertThat(settings.locationId()).isEqualTo("gid://shopify/Location/124656943");
        assertThat(settings.pageSize()).isEqualTo(250);
        assertThat(settings.bulkThreshold()).isEqualTo(10_000);
    }

    @Test
    void baseUrlOverrideReplacesTheShopHost() {
        ShopifySettings settings =
                ShopifySettings.of("localhost", "gid://shopify/Location/1", URI.create("http://127.0.0.1:8080/"));

        assertThat(settings.graphqlEndpoint())
                .isEqualTo(URI.create("http://127.0.0.1:8080/admin/api/2026-04/graphql.json"));
    }

    @Test
    void refusesWhatIsNotAShopifyStoreOrLocation() {
        assertThatThrownBy(() -> ShopifySettings.of("evil.example.com", "1", null))
                .hasMessageContaining("shopDomain 'evil.example.com'");
        assertThatThrownBy(() -> ShopifySettings.of("my-store.myshopify.com", "Location/1", null))
                .hasMessageContaining("locationId");
        assertThatThrownBy(() ->
                        ShopifySettings.of("my-store.myshopify.com", "1", null).withPageSize(251))
                .hasMessageContaining("pageSize 251");
        assertThatThrownBy(() ->
                        ShopifySettings.of("my-store.myshopify.com", "1", null).withBulkThreshold(-1))
                .hasMessageContaining("bulkThreshold -1");
    }
}
