package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxFileTest {

    private static final String HEADER = "sku,inventory_tracked,product_active,quantity\n";

    @TempDir
    Path dir;

    @Test
    void readsEveryPageOfAFileThatStaysTheSame() throws IOException {
        SandboxFile<CartItem> file = cart(HEADER + "A,true,true,1\nB,true,true,2\nC,true,true,3\n");

        Page<CartItem> first = file.readPage(null);
        Page<CartItem> second = file.readPage(first.nextCursor());

        assertThat(first.items()).extracting(CartItem::sku).containsExactly("A", "B");
        assertThat(second.items()).extracting(CartItem::sku).containsExactly("C");
        assertThat(second.isLast()).isTrue();
    }

    @Test
    void failsTheListingWhenTheFileIsReplacedBetweenPagesInsteadOfSkippingShiftedRows() throws IOException {
        SandboxFile<CartItem> file = cart(HEADER + "A,true,true,1\nB,true,true,2\nC,true,true,3\nD,true,true,4\n");
        Page<CartItem> first = file.readPage(null);
        assertThat(first.items()).extracting(CartItem::sku).containsExactly("A", "B");

        // B removed: read on from row 2, the new file would give D and never C.
        replace(HEADER + "A,true,true,1\nC,true,true,3\nD,true,true,4\n");

        assertThatThrownBy(() -> file.readPage(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("changed between two pages");
        assertThat(file.readPage(null).items()).extracting(CartItem::sku).containsExactly("A", "C");
    }

    @Test
    void countsTheRowsOfASkuOnItsFirstPageAndReportsItsLaterRowAsADuplicateOnALaterPage() throws IOException {
        SandboxFile<CartItem> file = cart(HEADER + "A,true,true,1\nB,true,true,2\n\nC,true,true,3\nA,true,true,4\n");

        Page<CartItem> first = file.readPage(null);
        Page<CartItem> second = file.readPage(first.nextCursor());

        assertThat(first.items())
                .containsExactly(new CartItem("A", true, true, 1, 2), new CartItem("B", true, true, 2));
        assertThat(second.items()).containsExactly(new CartItem("C", true, true, 3));
        assertThat(second.isLast()).isTrue();
    }

    @Test
    void goesOnFromTheCursorOfAListingItDidNotStart() throws IOException {
        SandboxFile<CartItem> file = cart(HEADER + "A,true,true,1\nB,true,true,2\nC,true,true,3\n");
        String cursor = file.readPage(null).nextCursor();

        SandboxFile<CartItem> another =
                new SandboxFile<>(dir.resolve("shop.csv"), InventoryCsv.CART, new FileLocks(), 2);
        Page<CartItem> rest = another.readPage(cursor);

        assertThat(rest.items()).extracting(CartItem::sku).containsExactly("C");
        assertThat(rest.isLast()).isTrue();
    }

    private SandboxFile<CartItem> cart(String content) throws IOException {
        Path path = Files.writeString(dir.resolve("shop.csv"), content);
        return new SandboxFile<>(path, InventoryCsv.CART, new FileLocks(), 2);
    }

    private void replace(String content) throws IOException {
        Path temp = Files.writeString(dir.resolve("shop.csv.edit"), content);
        Files.move(temp, dir.resolve("shop.csv"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
