package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.WmsRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(files.save(CART, keys)).isTrue();

        assertThat(files.load(CART)).contains(keys);
    }

    @Test
    void readsAMissingFileAsNoKeysAndSavesAnEmptySetAsNoFile() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        assertThat(files.load(CART)).contains(Set.of());

        files.save(CART, Set.of("acme/shop/A"));
        assertThat(files.file(CART)).exists();
        files.save(CART, Set.of());

        assertThat(files.file(CART)).doesNotExist();
        assertThat(files.load(CART)).contains(Set.of());
    }

    @Test
    void refusesAFileWithAForeignKeyOrBytesThatAreNotUtf8() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\nacme/other-shop/B\n");
        assertThat(files.load(CART)).isEmpty();

        Files.write(files.file(CART), new byte[] {'a', 'c', 'm', 'e', '/', 's', 'h', 'o', 'p', '/', (byte) 0xff, '\n'});
        assertThat(files.load(CART)).isEmpty();
    }

    @Test
    void refusesAFileThatCannotBeReadAtAll() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.createDirectories(files.file(CART));

        assertThat(files.load(CART)).isEmpty();
        assertThat(files.save(CART, Set.of("acme/shop/A"))).isFalse();
    }

    @Test
    void givesSourcesWhoseIdsJoinedByADashWouldCollideFilesOfTheirOwn() {
        LiveKeyFiles files = new LiveKeyFiles(dir);

        assertThat(files.file(SourceId.cart(new CartKey("a-b", "c"))))
                .isNotEqualTo(files.file(SourceId.cart(new CartKey("a", "b-c"))))
                .isNotEqualTo(files.file(SourceId.wms(new WmsRef("a-b", "c"))));
    }
}
