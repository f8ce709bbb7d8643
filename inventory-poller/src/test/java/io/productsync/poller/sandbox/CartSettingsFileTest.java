package io.productsync.poller.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.poller.sandbox.CartSettingsFile.CartSettings;
import io.productsync.poller.sandbox.CartSettingsFile.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CartSettingsFileTest {

    private static final List<String> WMS = List.of("first", "second");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path sandbox;

    Path file;

    @BeforeEach
    void cartsDirectory() throws IOException {
        file = Files.createDirectories(sandbox.resolve("demo/carts")).resolve("shop.properties");
    }

    @Test
    void givesTheDefaultsWhenThereIsNoFile() {
        assertThat(read()).isEqualTo(new Result(new CartSettings("first", true, true, DEFAULT_INTERVAL), List.of()));
    }

    @Test
    void givesTheDefaultsForAFileOfOnlyCommentsAndBlankLines() throws IOException {
        write("# sandbox settings\n\n   \n! also a comment\n  # indented comment\n");

        assertThat(read().settings()).isEqualTo(new CartSettings("first", true, true, DEFAULT_INTERVAL));
    }

    @Test
    void readsEveryKeyWithSpacesAroundSeparatorsAndCrlf() throws IOException {
        write("\uFEFFcart-sync = off\r\n# keep the WMS on\r\nwms-sync=no\r\nwms: second\r\n  poll-interval=5m  \r\n");

        assertThat(read())
                .isEqualTo(new Result(new CartSettings("second", false, false, Duration.ofMinutes(5)), List.of()));
    }

    @Test
    void leavesTheOtherSettingsAtTheirDefaultsWhenOneKeyIsSet() throws IOException {
        write("wms-sync=off\n");

        assertThat(read().settings()).isEqualTo(new CartSettings("first", true, false, DEFAULT_INTERVAL));
    }

    @ParameterizedTest
    @CsvSource({
        "on,true",
        "ON,true",
        "true,true",
        "True,true",
        "yes,true",
        "YES,true",
        "1,true",
        "off,false",
        "Off,false",
        "false,false",
        "FALSE,false",
        "no,false",
        "No,false",
        "0,false"
    })
    void acceptsEveryBooleanSpellingInAnyCase(String value, boolean expected) throws IOException {
        write("cart-sync=" + value + "\nwms-sync=" + value + "\n");

        assertThat(read().settings())
                .extracting(CartSettings::cartSync, CartSettings::wmsSync)
                .containsExactly(expected, expected);
    }

    @ParameterizedTest
    @CsvSource({"30s,PT30S", "5m,PT5M", "250ms,PT0.25S", "1h,PT1H", "PT30S,PT30S", "pt2m,PT2M"})
    void readsDurationsInSpringsSimpleAndIsoForms(String value, Duration expected) throws IOException {
        write("poll-interval=" + value + "\n");

        assertThat(read().settings().pollInterval()).isEqualTo(expected);
    }

    @Test
    void reportsAnUnknownKeyWithFileLineAndTheKeysToWriteInstead() throws IOException {
        write("# settings\ncart-sync=off\ncart_sync=off\n");

        assertThat(read())
                .isEqualTo(new Result(
                        null,
                        List.of(file + " line 3: unknown key 'cart_sync'; write one of "
                                + "cart-sync, wms-sync, wms, poll-interval")));
    }

    @Test
    void reportsABadBooleanAndGivesNoSettingsAtAll() throws IOException {
        write("cart-sync=off\nwms-sync=maybe\n");

        assertThat(read())
                .isEqualTo(new Result(
                        null,
                        List.of(file + " line 2: wms-sync 'maybe' is not on or off; "
                                + "write wms-sync=on or wms-sync=off (true/false, yes/no, 1/0 also work)")));
    }

    @Test
    void reportsAWmsOfNoFileAndNamesTheTenantsWmsIds() throws IOException {
        write("\nwms=third\n");

        assertThat(read().problems())
                .containsExactly(file + " line 2: wms 'third' has no file " + sandbox.resolve("demo/wms/third.csv")
                        + "; write wms=first or wms=second");
    }

    @Test
    void reportsAValueThatIsNotADuration() throws IOException {
        write("poll-interval=soon\n");

        assertThat(read().problems())
                .containsExactly(file + " line 1: poll-interval 'soon' is not a duration; "
                        + "write e.g. poll-interval=30s, poll-interval=5m or poll-interval=PT30S");
    }

    @Test
    void reportsABareNumberAndAZeroDuration() throws IOException {
        write("poll-interval=30\n");
        assertThat(read().problems())
                .containsExactly(file + " line 1: poll-interval '30' has no unit; "
                        + "write e.g. poll-interval=30s, poll-interval=5m or poll-interval=PT30S");

        write("poll-interval=0s\n");
        assertThat(read().problems())
                .containsExactly(file + " line 1: poll-interval must be positive, was PT0S; "
                        + "write e.g. poll-interval=30s, poll-interval=5m or poll-interval=PT30S");
    }

    @Test
    void reportsEveryProblemLineAndALineThatIsNotKeyValue() throws IOException {
        write("cart-sync off\nwms-sync=on\nWMS-SYNC=off\ncolour=blue\n");

        assertThat(read().problems())
                .containsExactly(
                        file + " line 1: 'cart-sync off' is not key=value; write e.g. cart-sync=off",
                        file + " line 3: wms-sync is already set on line 2; keep one of the two",
                        file + " line 4: unknown key 'colour'; write one of cart-sync, wms-sync, wms, poll-interval");
    }

    private Result read() {
        return CartSettingsFile.read(file, WMS, DEFAULT_INTERVAL);
    }

    private void write(String content) throws IOException {
        Files.writeString(file, content);
    }
}
