package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.WmsRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveKeyFilesTest {

    private static final SourceId CART = SourceId.cart(new CartKey("acme", "shop"));

    @TempDir
    Path dir;

    @Test
    void readsBackKeysWithSlashesCommasSpacesQuotesAndUnicode() {
        LiveKeyFiles files = new LiveKeyFiles(dir.resolve("not-yet-created"));
        Set<String> keys = Set.of(
                "acme/shop/A",
                "acme/shop/a/b/c",
                "acme/shop/TEE,RED",
                "acme/shop/ leading and trailing ",
                "acme/shop/\"quoted\"",
                "acme/shop/Größe-Ü",
                "acme/shop/日本-😀",
                "acme/shop/#not-a-comment");

        write(files, keys);

        assertThat(load(files)).contains(unknown(keys));
    }

    @Test
    void readsAMissingFileAsNoKeys() {
        assertThat(load(new LiveKeyFiles(dir))).contains(Map.of());
    }

    @Test
    void refusesAFileWithAForeignKeyOrBytesThatAreNotUtf8() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\nacme/other-shop/B\n");
        assertThat(load(files)).isEmpty();

        Files.write(files.file(CART), new byte[] {'a', 'c', 'm', 'e', '/', 's', 'h', 'o', 'p', '/', (byte) 0xff, '\n'});
        assertThat(load(files)).isEmpty();
    }

    @Test
    void refusesAFileThatCannotBeReadAtAll() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.createDirectories(files.file(CART));

        assertThat(load(files)).isEmpty();
    }

    @Test
    void keepsEachFingerprintBesideItsKey() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Map<String, Long> keys = new HashMap<>();
        keys.put("acme/shop/A", 0L);
        keys.put("acme/shop/B", -1L);
        keys.put("acme/shop/C", 0x0123456789abcdefL);
        keys.put("acme/shop/not yet known", null);

        Files.writeString(
                files.file(CART),
                "acme/shop/A\t0000000000000000\nacme/shop/B\tffffffffffffffff\nacme/shop/C\t0123456789abcdef\n"
                        + "acme/shop/not yet known\n");

        assertThat(load(files)).contains(keys);
    }

    @Test
    void readsAFileWrittenBeforeFingerprintsAsKeysWhoseFingerprintIsUnknown() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\nacme/shop/B\n");

        assertThat(load(files)).contains(unknown(Set.of("acme/shop/A", "acme/shop/B")));
    }

    @Test
    void trustsNoFingerprintWhileTheUnsavedMarkerExists() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\t0000000000000007\n");
        Files.createFile(files.unsavedMarker(CART));

        assertThat(load(files)).contains(unknown(Set.of("acme/shop/A")));
    }

    @Test
    void refusesAFingerprintThatIsNotSixteenHexDigits() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\t12\n");
        assertThat(load(files)).isEmpty();

        Files.writeString(files.file(CART), "acme/shop/A\tzzzzzzzzzzzzzzzz\n");
        assertThat(load(files)).isEmpty();
    }

    /** Keys without fingerprints, one per line, as versions before the store wrote them. */
    private static void write(LiveKeyFiles files, Set<String> keys) {
        try {
            Files.createDirectories(files.file(CART).getParent());
            Files.write(files.file(CART), keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Map<String, Long>> load(LiveKeyFiles files) {
        return files.load(CART).map(KeyFingerprintMaps::asMap);
    }

    private static Map<String, Long> unknown(Set<String> keys) {
        Map<String, Long> map = new HashMap<>();
        keys.forEach(key -> map.put(key, null));
        return map;
    }

    @Test
    void givesSourcesWhoseIdsJoinedByADashWouldCollideFilesOfTheirOwn() {
        LiveKeyFiles files = new LiveKeyFiles(dir);

        assertThat(files.file(SourceId.cart(new CartKey("a-b", "c"))))
                .isNotEqualTo(files.file(SourceId.cart(new CartKey("a", "b-c"))))
                .isNotEqualTo(files.file(SourceId.wms(new WmsRef("a-b", "c"))));
    }
}
