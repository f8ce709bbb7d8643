package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.WmsItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("cart.csv", """
                sku,inventory_tracked,product_active,quantity,note
                "A,1",true,true,5,plain
                "say ""hi""\",YES,No,0,"two
                lines"
                B,1,0,-3,
                C,1,0,x,
                """);

        var slice = InventoryCsv.CART.read(file, 0, 100);

        assertThat(slice.items())
                .containsExactly(
                        new CartItem("A,1", true, true, 5),
                        new CartItem("say \"hi\"", true, false, 0),
                        new CartItem("B", true, false, -3));
        assertThat(slice.problems()).containsExactly(file + " line 6: quantity 'x' is not a whole number, row skipped");
        assertThat(slice.next()).isEqualTo(-1);
    }

    @Test
    void skipsBadRowsAndNamesFileAndLineForEach() throws IOException {
        Path file = write("cart.csv", """
                sku,inventory_tracked,product_active,quantity
                A,true,true,5
                B,true,true,many
                C,maybe,true,1
                D,true,true
                ,true,true,1
                A,true,true,6
                E,false,true,2
                """);

        var slice = InventoryCsv.CART.read(file, 0, 100);

        assertThat(slice.items())
                .containsExactly(new CartItem("A", true, true, 5, 2), new CartItem("E", false, true, 2));
        assertThat(slice.problems())
                .containsExactly(
                        file + " line 3: quantity 'many' is not a whole number, row skipped",
                        file + " line 4: inventory_tracked 'maybe' is not one of true/false/yes/no/1/0, row skipped",
                        file + " line 5: has 3 fields, the header has 4, row skipped",
                        file + " line 6: sku is required, row skipped",
                        file + " line 7: sku 'A' is already on line 2: a duplicate, reported as DUPLICATE_CART_SKU and"
                                + " never pushed");
        assertThat(slice.unreadableSkus()).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void failsTheWholeFileWhenTheHeaderIsWrong() throws IOException {
        Path file = write("cart.csv", """
                sku,tracked,active,qty
                A,true,true,5
                """);

        assertThatThrownBy(() -> InventoryCsv.CART.read(file, 0, 100))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining(
                        file + " line 1: header must name the columns sku,inventory_tracked,product_active,quantity");
    }

    @Test
    void failsAnEmptyFile() throws IOException {
        Path file = write("wms.csv", "");

        assertThatThrownBy(() -> InventoryCsv.WMS.read(file, 0, 100))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void acceptsColumnsInAnyOrderWithExtraColumns() throws IOException {
        Path file = write("wms.csv", "note,available,sku\r\nfirst,7,W-1\r\n\r\nsecond,3,W-2\r\n");

        var slice = InventoryCsv.WMS.read(file, 0, 100);

        assertThat(slice.items()).containsExactly(new WmsItem("W-1", 7), new WmsItem("W-2", 3));
    }

    @Test
    void pagesByDataRowAndStillCatchesDuplicatesOfEarlierPages() throws IOException {
        Path file = write("wms.csv", """
                sku,available
                A,1
                B,2
                C,3
                A,4
                D,5
                """);

        var first = InventoryCsv.WMS.read(file, 0, 2);
        var second = InventoryCsv.WMS.read(file, first.next(), 2);
        var third = InventoryCsv.WMS.read(file, second.next(), 2);

        assertThat(first.items()).extracting(WmsItem::sku).containsExactly("A", "B");
        assertThat(first.next()).isEqualTo(2);
        assertThat(second.items()).extracting(WmsItem::sku).containsExactly("C");
        assertThat(second.problems()).containsExactly(file + " line 5: sku 'A' is already on line 2, row skipped");
        assertThat(third.items()).extracting(WmsItem::sku).containsExactly("D");
        assertThat(third.next()).isEqualTo(-1);
    }

    @Test
    void reportsACartSkuOnSeveralRowsWithItsFirstRowAndItsRowCountFromItsFirstPage() throws IOException {
        Path file = write("cart.csv", """
                sku,inventory_tracked,product_active,quantity
                A,true,true,1
                B,true,true,2
                C,true,true,3
                A,false,false,4
                D,true,true,5
                A,true,true,6
                """);

        var first = InventoryCsv.CART.read(file, 0, 2);
        var second = InventoryCsv.CART.read(file, first.next(), 2);
        var third = InventoryCsv.CART.read(file, second.next(), 2);

        assertThat(first.items())
                .containsExactly(new CartItem("A", true, true, 1, 3), new CartItem("B", true, true, 2));
        assertThat(first.problems()).isEmpty();
        assertThat(first.next()).isEqualTo(2);
        assertThat(second.items()).containsExactly(new CartItem("C", true, true, 3));
        assertThat(second.problems())
                .containsExactly(file + " line 5: sku 'A' is already on line 2: a duplicate, reported as"
                        + " DUPLICATE_CART_SKU and never pushed");
        assertThat(third.items()).containsExactly(new CartItem("D", true, true, 5));
        assertThat(third.unreadableSkus()).isEmpty();
        assertThat(third.next()).isEqualTo(-1);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
