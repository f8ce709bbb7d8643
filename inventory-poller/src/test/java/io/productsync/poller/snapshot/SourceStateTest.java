package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceStateTest {

    private static final SourceId CART = SourceId.cart(new CartKey("acme", "shop"));
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void loadsTheKeysSavedByTheStateBeforeARestart() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        snapshot(new SourceState(CART, files), true, "acme/shop/A", "acme/shop/B");

        assertThat(new SourceState(CART, files).liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");
    }

    @Test
    void rewritesTheFileOnlyWhenTheKeysChanged() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        SourceState state = new SourceState(CART, files);
        snapshot(state, true, "acme/shop/A", "acme/shop/B");
        Files.setLastModifiedTime(files.file(CART), LONG_AGO);

        snapshot(state, true, "acme/shop/B", "acme/shop/A");
        snapshot(state, false, "acme/shop/A");
        assertThat(Files.getLastModifiedTime(files.file(CART))).isEqualTo(LONG_AGO);

        snapshot(state, true, "acme/shop/A");
        assertThat(Files.getLastModifiedTime(files.file(CART))).isNotEqualTo(LONG_AGO);
        Files.setLastModifiedTime(files.file(CART), LONG_AGO);

        snapshot(state, false, "acme/shop/C");
        assertThat(files.load(CART)).contains(Set.of("acme/shop/A", "acme/shop/C"));
    }

    @Test
    void startsWithNoKeysFromAnUnreadableFileAndReplacesItAfterTheNextSnapshot() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\n\u0007\n");
        SourceState state = new SourceState(CART, files);

        assertThat(state.liveKeys()).isEmpty();
        assertThat(state.nothingLive()).isFalse();
        snapshot(state, true);

        assertThat(files.file(CART)).doesNotExist();
        assertThat(state.nothingLive()).isTrue();
    }

    @Test
    void isDueAnIntervalAfterTheLastStartCountedWithTheIntervalOfNow() {
        SourceState state = new SourceState(CART, new LiveKeyFiles(dir));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(state.tryStart(start, Duration.ofMinutes(5))).isTrue();
        state.finish(true, new HashSet<>());

        assertThat(state.tryStart(start.plusSeconds(10), Duration.ofMinutes(5))).isFalse();
        assertThat(state.tryStart(start.plusSeconds(9), Duration.ofSeconds(10))).isFalse();
        assertThat(state.tryStart(start.plusSeconds(10), Duration.ofSeconds(10)))
                .isTrue();
        assertThat(state.tryStart(start.plusSeconds(30), Duration.ofSeconds(10)))
                .isFalse();
    }

    private static void snapshot(SourceState state, boolean complete, String... keys) {
        assertThat(state.tryClaim()).isTrue();
        state.finish(complete, new HashSet<>(Set.of(keys)));
    }
}
