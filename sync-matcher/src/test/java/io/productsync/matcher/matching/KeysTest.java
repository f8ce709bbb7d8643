package io.productsync.matcher.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.AliasKey;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.WmsSkuKey;
import org.junit.jupiter.api.Test;

/** The matcher's unchecked keys spell what common-events' key records spell, and split the way they parse. */
class KeysTest {

    @Test
    void buildsTheKeysOfTheKeyRecords() {
        assertThat(Keys.cart("acme", "shop")).isEqualTo(new CartKey("acme", "shop").value());
        assertThat(Keys.alias("acme", "a/b")).isEqualTo(new AliasKey("acme", "a/b").value());
        assertThat(Keys.sku("acme", "shop", "sku/1")).isEqualTo(new CartSkuKey("acme", "shop", "sku/1").value());
        assertThat(Keys.sku("acme", "main", "sku/1")).isEqualTo(new WmsSkuKey("acme", "main", "sku/1").value());
    }

    @Test
    void splitsTenantAndSkuAsTheKeyRecordsParse() {
        WmsSkuKey parsed = WmsSkuKey.parse("acme/main/sku/1");

        assertThat(Keys.tenant("acme/main/sku/1")).isEqualTo(parsed.tenantId());
        assertThat(Keys.skuOf("acme/main/sku/1")).isEqualTo(parsed.sku()).isEqualTo("sku/1");
    }
}
