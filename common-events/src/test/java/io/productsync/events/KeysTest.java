package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void keepsSlashesInsideTheSku() {
        CartSkuKey key = CartSkuKey.parse("demo/demo-shop/TEE/RED/M");

        assertThat(key).isEqualTo(new CartSkuKey("demo", "demo-shop", "TEE/RED/M"));
        assertThat(key.value()).isEqualTo("demo/demo-shop/TEE/RED/M");
    }

    @Test
    void keepsSlashesInsideTheAlias() {
        assertThat(AliasKey.parse("demo/UPC/0123").alias()).isEqualTo("UPC/0123");
    }

    @Test
    void refusesAKeyWithTooFewParts() {
        assertThatThrownBy(() -> WmsSkuKey.parse("demo/main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 parts");
    }

    @Test
    void refusesSkusWithControlCharactersOrOver255Characters() {
        assertThatThrownBy(() -> new CartSkuKey("demo", "shop", "A\tB")).hasMessageContaining("control character");
        assertThatThrownBy(() -> new CartSkuKey("demo", "shop", "x".repeat(256)))
                .hasMessageContaining("longer than 255");
        assertThat(new CartSkuKey("demo", "shop", "x".repeat(255)).sku()).hasSize(255);
    }

    @Test
    void refusesSkusThatAreNotValidUnicodeAndKeepsThoseOutsideTheBasicPlane() {
        assertThatThrownBy(() -> new CartSkuKey("demo", "shop", "A\uD800B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("half of a surrogate pair at position 1");
        assertThatThrownBy(() -> new CartSkuKey("demo", "shop", "AB\uDC00"))
                .hasMessageContaining("half of a surrogate pair at position 2");
        assertThat(new CartSkuKey("demo", "shop", "MUG-\uD83D\uDE00").sku()).isEqualTo("MUG-😀");
    }

    @Test
    void acceptsExactlyTheIdsItsPatternNames() {
        Pattern documented = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
        List<String> ids = new ArrayList<>(List.of(
                "",
                "a",
                "0",
                "-",
                "_",
                "a-",
                "a_b",
                "-a",
                "_a",
                "A",
                "aB",
                "a.b",
                "a b",
                "a/b",
                "ä",
                "a".repeat(64),
                "a".repeat(65),
                "0".repeat(63) + "_"));
        Random random = new Random(7);
        String alphabet = "az09_-AZ./ é\u00ff\uD83D";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int length = random.nextInt(67); id.length() < length; ) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(id.toString());
        }

        for (String id : ids) {
            assertThat(acceptedAsId(id))
                    .as("'%s'", id)
                    .isEqualTo(documented.matcher(id).matches());
        }
    }

    @Test
    void comparesSkusExactly() {
        assertThat(new CartSkuKey("demo", "shop", "abc")).isNotEqualTo(new CartSkuKey("demo", "shop", "ABC"));
    }

    @Test
    void sourceKeysNameTheKindAsALowercaseTokenAndRefuseOthers() {
        assertThat(new SourceKey("demo", SourceKind.WMS, "main").value()).isEqualTo("demo/wms/main");
        assertThat(SourceKey.parse("demo/cart/demo-shop").kind()).isEqualTo(SourceKind.CART);
        assertThatThrownBy(() -> SourceKey.parse("demo/CART/demo-shop")).hasMessageContaining("'cart' or 'wms'");
    }

    private static boolean acceptedAsId(String id) {
        try {
            Ids.requireId(id, "id");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
