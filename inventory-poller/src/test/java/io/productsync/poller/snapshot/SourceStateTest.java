package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.HoldReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceStateTest {

    private static final SourceId CART = SourceId.cart(new CartKey("acme", "shop"));

    @TempDir
    Path dir;

    LiveKeyStore store;

    @BeforeEach
    void openStore() {
        store = new LiveKeyStore(dir.resolve("live-keys"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void loadsTheKeysSavedByTheStateBeforeARestart() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        snapshot(state(files, new HoldFiles(dir)), true, "acme/shop/A", "acme/shop/B");
        restart();

        assertThat(state(files, new HoldFiles(dir)).liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");
    }

    @Test
    void keepsOnlyTheKeysOfTheLastCompleteSnapshotAndWhatIncompleteOnesAddedSince() {
        SourceState state = state(new LiveKeyFiles(dir), new HoldFiles(dir));
        snapshot(state, true, "acme/shop/A", "acme/shop/B");
        snapshot(state, false, "acme/shop/A");
        assertThat(state.liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");

        snapshot(state, true, "acme/shop/A");
        snapshot(state, false, "acme/shop/C");

        assertThat(state.liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/C");
        assertThat(state.nothingLive()).isFalse();
        snapshot(state, true);
        assertThat(state.nothingLive()).isTrue();
    }

    @Test
    void takesOverTheKeysFileOfAnEarlierVersionOnceAndDeletesIt() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\t0000000000000007\nacme/shop/B\n");

        SourceState state = state(files, new HoldFiles(dir));
        assertThat(state.liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");
        assertThat(published(state, "acme/shop/A", 7L)).isTrue();
        assertThat(published(state, "acme/shop/B", 0L))
                .as("no fingerprint in the file")
                .isFalse();
        assertThat(files.file(CART)).doesNotExist();

        restart();
        assertThat(published(state(files, new HoldFiles(dir)), "acme/shop/A", 7L))
                .isTrue();
    }

    @Test
    void startsWithNoKeysFromAnUnreadableKeysFileAndDeletesIt() throws IOException {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        Files.writeString(files.file(CART), "acme/shop/A\n\u0007\n");
        SourceState state = state(files, new HoldFiles(dir));

        assertThat(state.liveKeys()).isEmpty();
        assertThat(state.nothingLive()).isTrue();
        assertThat(files.file(CART)).doesNotExist();
    }

    @Test
    void isDueAnIntervalAfterTheLastStartCountedWithTheIntervalOfNow() {
        SourceState state = state(new LiveKeyFiles(dir), new HoldFiles(dir));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(state.tryStart(start, Duration.ofMinutes(5))).isTrue();
        state.finish(true, new KeyFingerprints(CART), true);

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
        SourceState before = state(files, holdFiles);
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
        before.finishHeld(new KeyFingerprints(CART), hold);
        restart();

        SourceState after = state(files, holdFiles);
        assertThat(after.hold()).isEqualTo(hold);
        assertThat(after.liveKeys()).containsExactlyInAnyOrder("acme/shop/A", "acme/shop/B");
        assertThat(after.counts().held()).isZero();
        assertThat(before.counts().held()).isOne();

        snapshot(after, true, "acme/shop/A");
        assertThat(after.hold()).isNull();
        assertThat(holdFiles.holdFile(CART)).doesNotExist();
        assertThat(state(files, holdFiles).hold()).isNull();
    }

    @Test
    void countsAnUnreadableHoldFileAsNoHold() throws IOException {
        HoldFiles holdFiles = new HoldFiles(dir);
        Files.writeString(holdFiles.holdFile(CART), "reason=NOT_A_REASON\n");

        assertThat(state(new LiveKeyFiles(dir), holdFiles).hold()).isNull();
    }

    @Test
    void keepsTheFingerprintOfWhatWasPublishedAcrossARestartButNotOfASendThatFailed() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        SourceState state = state(files, new HoldFiles(dir));
        publish(state, true, Map.of("acme/shop/A", 1L, "acme/shop/B", 2L));
        assertThat(published(state, "acme/shop/A", 1L)).isTrue();
        assertThat(published(state, "acme/shop/A", 3L)).isFalse();

        publish(state, false, Map.of("acme/shop/A", 3L));
        assertThat(published(state, "acme/shop/A", 1L))
                .as("the send failed: the old one")
                .isTrue();

        restart();
        SourceState restarted = state(files, new HoldFiles(dir));
        assertThat(published(restarted, "acme/shop/A", 1L)).isTrue();
        assertThat(published(restarted, "acme/shop/B", 2L)).isTrue();
        assertThat(files.unsavedMarker(CART)).doesNotExist();
    }

    @Test
    void forgetsTheFingerprintOfAKeyPublishedOutsideASnapshotUntilASnapshotPublishedIt() {
        LiveKeyFiles files = new LiveKeyFiles(dir);
        UnsavedPublications unsavedPublications = new UnsavedPublications(files);
        SourceState state = new SourceState(CART, store, files, new HoldFiles(dir), unsavedPublications);
        publish(state, true, Map.of("acme/shop/A", 1L, "acme/shop/B", 2L));

        unsavedPublications.publishing(new CartSkuKey("acme", "shop", "A"));

        assertThat(files.unsavedMarker(CART)).exists();
        state.forgetPublishedOutside();
        assertThat(published(state, "acme/shop/A", 1L)).isFalse();
        assertThat(published(state, "acme/shop/B", 2L)).isTrue();

        restart();
        SourceState restarted = state(files, new HoldFiles(dir));
        assertThat(published(restarted, "acme/shop/B", 2L))
                .as("a restart while the marker exists trusts no fingerprint")
                .isFalse();
        publish(restarted, true, Map.of("acme/shop/A", 1L, "acme/shop/B", 2L));
        assertThat(files.unsavedMarker(CART)).doesNotExist();
        restart();
        assertThat(published(state(files, new HoldFiles(dir)), "acme/shop/A", 1L))
                .isTrue();
    }

    private static boolean published(SourceState state, String key, long fingerprint) {
        return state.lastPublished(List.of(key)).get(0).equals(OptionalLong.of(fingerprint));
    }

    /** What a restart of the poller does to the store: closed, and opened again on the same directory. */
    private void restart() {
        store.close();
        store = new LiveKeyStore(dir.resolve("live-keys"));
    }

    /** A snapshot that published these fingerprints; {@code acknowledged}: its sends were acknowledged. */
    private static void publish(SourceState state, boolean acknowledged, Map<String, Long> seen) {
        assertThat(state.tryClaim()).isTrue();
        state.publishingChanges();
        state.finish(acknowledged, KeyFingerprintMaps.of(CART, seen), acknowledged);
    }

    private SourceState state(LiveKeyFiles files, HoldFiles holdFiles) {
        return new SourceState(CART, store, files, holdFiles, new UnsavedPublications(files));
    }

    /** A snapshot that lists the keys and finds each unchanged (publishes none). */
    private static void snapshot(SourceState state, boolean complete, String... keys) {
        Map<String, Long> seen = new HashMap<>();
        for (String key : keys) {
            seen.put(key, null);
        }
        assertThat(state.tryClaim()).isTrue();
        state.finish(complete, KeyFingerprintMaps.of(CART, seen), true);
    }
}
