package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import io.productsync.events.HoldReason;
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
        snapshot(new SourceState(CART, files, new HoldFiles(dir)), true, "acme/shop/A", "acme/shop/B");

        assertThat(new SourceState(CART, files, new HoldFiles(dir)).liveKeys())
                .containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");
    }

    @Test
    void rewritesTheFileOnlyWhenTheKeysChanged() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        SourceState state = new SourceState(CART, files, new HoldFiles(dir));
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
        SourceState state = new SourceState(CART, files, new HoldFiles(dir));

        assertThat(state.liveKeys()).isEmpty();
        assertThat(state.nothingLive()).isFalse();
        snapshot(state, true);

        assertThat(files.file(CART)).doesNotExist();
        assertThat(state.nothingLive()).isTrue();
    }

    @Test
    void isDueAnIntervalAfterTheLastStartCountedWithTheIntervalOfNow() {
        SourceState state = new SourceState(CART, new LiveKeyFiles(dir), new HoldFiles(dir));
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

    @Test
    void keepsAHeldRemovalAcrossARestartAndEndsItWithTheNextAppliedSnapshot() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        HoldFiles holdFiles = new HoldFiles(dir);
        SourceState before = new SourceState(CART, files, holdFiles);
        snapshot(before, true, "acme/shop/A", "acme/shop/B");
        Hold hold = new Hold(
                HoldReason.EMPTY_SNAPSHOT,
                Instant.parse("2026-11-27T09:20:00.123Z"),
                2,
                "digest",
                2,
                2,
                Instant.parse("2026-11-27T09:20:10.456789Z"));
        assertThat(before.tryClaim()).isTrue();
        before.finishHeld(new HashSet<>(), hold);

        SourceState after = new SourceState(CART, files, holdFiles);
        assertThat(after.hold()).isEqualTo(hold);
        assertThat(after.liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");
        assertThat(after.counts().held()).isZero();
        assertThat(before.counts().held()).isOne();

        snapshot(after, true, "acme/shop/A");
        assertThat(after.hold()).isNull();
        assertThat(holdFiles.holdFile(CART)).doesNotExist();
        assertThat(new SourceState(CART, files, holdFiles).hold()).isNull();
    }

    @Test
    void countsAnUnreadableHoldFileAsNoHold() throws IOException {
        HoldFiles holdFiles = new HoldFiles(dir);
        Files.writeString(holdFiles.holdFile(CART), "reason=NOT_A_REASON\n");

        assertThat(new SourceState(CART, new LiveKeyFiles(dir), holdFiles).hold())
                .isNull();
    }

    private static void snapshot(SourceState state, boolean complete, String... keys) {
        assertThat(state.tryClaim()).isTrue();
        state.finish(complete, new HashSet<>(Set.of(keys)));
    }
}
