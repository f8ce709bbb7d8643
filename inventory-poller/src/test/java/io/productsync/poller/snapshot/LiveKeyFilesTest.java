package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.WmsRef;
import java.io.IOException;
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

        assertThat(save(files, unknown(keys))).isTrue();

        assertThat(load(files)).contains(unknown(keys));
    }

    @Test
    void readsAMissingFileAsNoKeysAndSavesAnEmptySetAsNoFile() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        assertThat(load(files)).contains(Map.of());

        save(files, Map.of("acme/shop/A", 1L));
        assertThat(files.file(CART)).exists();
        save(files, Map.of());

        assertThat(files.file(CART)).doesNotExist();
        assertThat(load(files)).contains(Map.of());
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
        assertThat(save(files, Map.of("acme/shop/A", 1L))).isFalse();
    }

    @Test
    void keepsEachFingerprintBesideItsKey() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Map<String, Long> keys = new HashMap<>();
        keys.put("acme/shop/A", 0L);
        keys.put("acme/shop/B", -1L);
        keys.put("acme/shop/C", 0x0123456789abcdefL);
        keys.put("acme/shop/not yet known", null);

        save(files, keys);

        assertThat(load(files)).contains(keys);
        assertThat(Files.readAllLines(files.file(CART)))
                .contains("acme/shop/B\tffffffffffffffff", "acme/shop/not yet known");
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
        save(files, Map.of("acme/shop/A", 7L));
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

    private static boolean save(LiveKeyFiles files, Map<String, Long> keys) {
        return files.save(CART, KeyFingerprintMaps.of(CART, keys));
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
