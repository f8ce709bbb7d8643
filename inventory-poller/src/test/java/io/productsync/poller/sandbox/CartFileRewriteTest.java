package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CartFileRewriteTest {

    private static final String CART = """
            sku,inventory_tracked,product_active,quantity,note
            "A,1",true,true,5,"keep ""this"" quoted"
            B,yes,true,12,x
            C,false,true,3,untracked
            broken row
            """;

    @TempDir
    Path dir;

    @Test
    void changesOnlyThatSkusQuantityAndKeepsEveryOtherRowAsWritten() throws IOException {
        Path file = write(CART);

        QuantityChangeResult result = CartFileRewrite.setQuantity(file, change("B", 12, 15));

        assertThat(result).isEqualTo(QuantityChangeResult.applied());
        assertThat(Files.readString(file)).isEqualTo(CART.replace("B,yes,true,12,x", "B,yes,true,15,x"));
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void quotesAChangedSkuThatNeedsQuotes() throws IOException {
        Path file = write(CART);

        CartFileRewrite.setQuantity(file, change("A,1", 5, 0));

        assertThat(Files.readString(file)).contains("\"A,1\",true,true,0,\"keep \"\"this\"\" quoted\"\n");
    }

    @Test
    void writesNothingWhenTheCartAlreadyHoldsTheTarget() throws IOException {
        Path file = write(CART);

        QuantityChangeResult result = CartFileRewrite.setQuantity(file, change("B", 10, 12));

        assertThat(result).isEqualTo(QuantityChangeResult.alreadyAtTarget());
        assertThat(Files.readString(file)).isEqualTo(CART);
    }

    @Test
    void writesNothingWhenTheCartHoldsNeitherExpectedNorTarget() throws IOException {
        Path file = write(CART);

        QuantityChangeResult result = CartFileRewrite.setQuantity(file, change("B", 7, 15));

        assertThat(result).isEqualTo(QuantityChangeResult.currentDiffers(12));
        assertThat(Files.readString(file)).isEqualTo(CART);
    }

    @Test
    void rejectsUnknownAndUntrackedSkus() throws IOException {
        Path file = write(CART);

        assertThat(CartFileRewrite.setQuantity(file, change("Z", 1, 2)).error()).contains("'Z' is not in cart.csv");
        assertThat(CartFileRewrite.setQuantity(file, change("C", 3, 4)).error()).contains("does not track inventory");
        assertThat(Files.readString(file)).isEqualTo(CART);
    }

    private static QuantityChange change(String sku, long expected, long target) {
        return new QuantityChange(sku, expected, target, UUID.randomUUID());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("cart.csv"), content);
    }
}
