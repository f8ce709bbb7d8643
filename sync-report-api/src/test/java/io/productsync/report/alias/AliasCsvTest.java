package io.productsync.report.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AliasCsvTest {

    @Test
    void readsLinesWithTheirNumbersSkippingBlankOnesAndAByteOrderMark() {
        var lines = AliasCsv.read(bytes("\uFEFFalias,wms_sku,kind\r\nBDreams,BDREAMS-2024,LISTING_SKU\r\n\r\n"
                + "\"TEE, RED\",\"TEE \"\"RED\"\"\",SKU\n"));

        assertThat(lines)
                .containsExactly(
                        new AliasCsvLine(2, "BDreams", "BDREAMS-2024", "LISTING_SKU", null),
                        new AliasCsvLine(4, "TEE, RED", "TEE \"RED\"", "SKU", null));
    }

    @Test
    void aLineThatDoesNotSplitIntoThreeFieldsCarriesItsProblem() {
        var lines = AliasCsv.read(bytes("alias,wms_sku,kind\nA,B\nA,B,SKU,extra\n\"A,B,SKU\n\"A\"x,B,SKU\n"));

        assertThat(lines)
                .extracting(AliasCsvLine::line, AliasCsvLine::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "has 2 fields, expected 3: alias,wms_sku,kind"),
                        org.assertj.core.groups.Tuple.tuple(3, "has 4 fields, expected 3: alias,wms_sku,kind"),
                        org.assertj.core.groups.Tuple.tuple(4, "a quote is not closed"),
                        org.assertj.core.groups.Tuple.tuple(
                                5, "text after a closing quote: quote the whole field, a quote inside as \"\""));
    }

    @Test
    void theHeaderIsRequiredAndTheFileMustBeUtf8() {
        assertThatThrownBy(() -> AliasCsv.read(bytes("BDreams,BDREAMS,SKU\n")))
                .isInstanceOf(AliasCsv.Unreadable.class)
                .hasMessage("the first line must be the header 'alias,wms_sku,kind', was 'BDreams,BDREAMS,SKU'");
        assertThatThrownBy(() -> AliasCsv.read(new byte[0])).isInstanceOf(AliasCsv.Unreadable.class);
        byte[] latin1 = "alias,wms_sku,kind\nA,B,SKU\nCAF\u00c9,B,SKU\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> AliasCsv.read(latin1))
                .isInstanceOf(AliasCsv.Unreadable.class)
                .isNotInstanceOf(AliasCsv.TooLarge.class)
                .hasMessageStartingWith("the file is not UTF-8 text (line 3 holds a byte that is not)");
    }

    @Test
    void filesOverTheLineOrByteLimitAreTooLarge() {
        StringBuilder file = new StringBuilder("alias,wms_sku,kind\n");
        for (int i = 0; i < AliasCsv.MAX_LINES; i++) {
            file.append("A").append(i).append(",B,SKU\n");
        }
        assertThat(AliasCsv.read(bytes(file.toString()))).hasSize(AliasCsv.MAX_LINES);

        file.append("ONE-MORE,B,SKU\n");
        assertThatThrownBy(() -> AliasCsv.read(bytes(file.toString())))
                .isInstanceOf(AliasCsv.TooLarge.class)
                .hasMessageContaining("more than 10000 aliases");
        assertThatThrownBy(() -> AliasCsv.read(new byte[AliasCsv.MAX_BYTES + 1]))
                .isInstanceOf(AliasCsv.TooLarge.class)
                .hasMessageStartingWith("the file is larger than 2 MB");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
