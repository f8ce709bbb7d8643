package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
    void refusesToPushASkuOnTwoRowsAndWritesNothing() throws IOException {
        String twice = CART + "B,yes,true,12,again\n";
        Path file = write(twice);

        QuantityChangeResult result = CartFileRewrite.setQuantity(file, change("B", 12, 15));

        assertThat(result)
                .isEqualTo(QuantityChangeResult.rejected("sku 'B' is on lines 3, 6: a duplicate, not pushed"));
        assertThat(Files.readString(file)).isEqualTo(twice);
    }

    @Test
    void setsABatchInOneRewriteAndALaterChangeOfASkuSeesTheEarlierOne() throws IOException {
        Path file = write(CART);
        AtomicInteger rewrites = new AtomicInteger();

        List<QuantityChangeResult> results = CartFileRewrite.setQuantities(
                file,
                List.of(
                        change("B", 12, 15),
                        change("A,1", 5, 6),
                        change("Z", 1, 2),
                        change("B", 15, 18),
                        change("C", 3, 4)),
                path -> rewrites.incrementAndGet());

        assertThat(results.get(0)).isEqualTo(QuantityChangeResult.applied());
        assertThat(results.get(1)).isEqualTo(QuantityChangeResult.applied());
        assertThat(results.get(2)).isEqualTo(QuantityChangeResult.notInCart());
        assertThat(results.get(3)).isEqualTo(QuantityChangeResult.applied());
        assertThat(results.get(4).error()).contains("does not track inventory");
        assertThat(Files.readString(file))
                .isEqualTo(CART.replace("B,yes,true,12,x", "B,yes,true,18,x").replace(",5,", ",6,"));
        assertThat(rewrites).hasValue(1);
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

        assertThat(CartFileRewrite.setQuantity(file, change("Z", 1, 2)).status())
                .isEqualTo(QuantityChangeResult.Status.NOT_IN_CART);
        assertThat(CartFileRewrite.setQuantity(file, change("C", 3, 4)).error()).contains("does not track inventory");
        assertThat(Files.readString(file)).isEqualTo(CART);
    }

    @Test
    void keepsAnEditMadeBySedDashIBetweenTheReadAndTheRenameAndAppliesThePushOnTopOfIt() throws IOException {
        Path file = write(CART);
        AtomicInteger edits = new AtomicInteger();

        QuantityChangeResult result = CartFileRewrite.setQuantity(file, change("B", 12, 15), path -> {
            if (edits.getAndIncrement() == 0) {
                sedInPlace(path, "C,false,true,3,untracked", "C,false,true,4,edited by hand");
            }
        });

        assertThat(result).isEqualTo(QuantityChangeResult.applied());
        assertThat(edits).hasValue(2);
        assertThat(Files.readString(file))
                .isEqualTo(CART.replace("B,yes,true,12,x", "B,yes,true,15,x")
                        .replace("C,false,true,3,untracked", "C,false,true,4,edited by hand"));
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void comparesAgainWithTheEditedQuantityWhenTheEditChangedTheSameSku() throws IOException {
        Path file = write(CART);
        AtomicInteger edits = new AtomicInteger();

        QuantityChangeResult result = CartFileRewrite.setQuantity(file, change("B", 12, 15), path -> {
            if (edits.getAndIncrement() == 0) {
                sedInPlace(path, "B,yes,true,12,x", "B,yes,true,20,x");
            }
        });

        assertThat(result).isEqualTo(QuantityChangeResult.currentDiffers(20));
        assertThat(Files.readString(file)).isEqualTo(CART.replace("B,yes,true,12,x", "B,yes,true,20,x"));
    }

    @Test
    void keepsAnEditWrittenInPlaceWithTheSameSizeAndFailsAfterAFileThatNeverStopsChanging() throws IOException {
        Path file = write(CART);
        AtomicInteger edits = new AtomicInteger();

        assertThatThrownBy(() -> CartFileRewrite.setQuantity(file, change("B", 12, 15), path -> {
                    // Same inode, same length: only the content tells.
                    Files.writeString(path, CART.replace("x\n", (edits.incrementAndGet() % 10) + "\n"));
                }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("changed under every one of " + CartFileRewrite.MAX_ATTEMPTS + " attempts");

        assertThat(edits).hasValue(CartFileRewrite.MAX_ATTEMPTS);
        assertThat(Files.readString(file)).contains("B,yes,true,12," + CartFileRewrite.MAX_ATTEMPTS + "\n");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    /** What {@code sed -i} does: write the edited copy beside the file and rename it over, taking no lock. */
    private static void sedInPlace(Path file, String from, String to) throws IOException {
        Path edited = Files.writeString(
                file.resolveSibling("sedAbC123"), Files.readString(file).replace(from, to));
        Files.move(edited, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static QuantityChange change(String sku, long expected, long target) {
        return new QuantityChange(sku, expected, target, UUID.randomUUID());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("cart.csv"), content);
    }
}
