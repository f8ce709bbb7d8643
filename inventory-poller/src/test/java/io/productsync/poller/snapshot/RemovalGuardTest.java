package io.productsync.poller.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.events.HoldReason;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemovalGuardTest {

    private static final RemovalGuard GUARD = new RemovalGuard(0.25, 3);
    private static final Instant T0 = Instant.parse("2026-11-27T09:20:00.123456Z");
    private static final Set<String> TWENTY = skus(20);

    @Test
    void appliesARemovalOfAtMostTheShareAtOnceEvenFromASmallCart() {
        assertThat(judge(null, skus(5), skus(4), null, T0)).isEqualTo(new RemovalGuard.Apply(null, null));
        assertThat(judge(null, TWENTY, skus(15), null, T0)).isEqualTo(new RemovalGuard.Apply(null, null));
    }

    @Test
    void holdsARemovalOfMoreThanTheShareAndAnEmptySnapshotOfALiveSource() {
        RemovalGuard.Held mass = (RemovalGuard.Held) judge(null, TWENTY, skus(14), null, T0);
        assertThat(mass.hold())
                .extracting(Hold::reason, Hold::heldSince, Hold::heldCycles, Hold::liveSkus, Hold::missingSkus)
                .containsExactly(HoldReason.MASS_REMOVAL, Instant.parse("2026-11-27T09:20:00.123Z"), 1, 20L, 6L);

        RemovalGuard.Held empty = (RemovalGuard.Held) judge(null, skus(1), Set.of(), null, T0);
        assertThat(empty.hold().reason()).isEqualTo(HoldReason.EMPTY_SNAPSHOT);
        assertThat(judge(null, Set.of(), Set.of(), null, T0)).isEqualTo(new RemovalGuard.Apply(null, null));
    }

    @Test
    void releasesTheSameRemovalOnTheSnapshotAfterTheConfiguredHeldCycles() {
        Hold hold = ((RemovalGuard.Held) judge(null, TWENTY, Set.of(), null, T0)).hold();
        for (int cycle = 2; cycle <= 3; cycle++) {
            hold = ((RemovalGuard.Held) judge(hold, TWENTY, Set.of(), null, T0.plusSeconds(cycle))).hold();
            assertThat(hold.heldCycles()).isEqualTo(cycle);
            assertThat(hold.heldSince()).isEqualTo(Instant.parse("2026-11-27T09:20:00.123Z"));
        }

        assertThat(judge(hold, TWENTY, Set.of(), null, T0.plusSeconds(4)))
                .isEqualTo(new RemovalGuard.Apply(hold, RemovalGuard.Ending.RELEASED));
    }

    @Test
    void startsANewHoldWhenTheRemovalDiffers() {
        Hold empty = ((RemovalGuard.Held) judge(null, TWENTY, Set.of(), null, T0)).hold();

        Hold half = ((RemovalGuard.Held) judge(empty, TWENTY, skus(10), null, T0.plusSeconds(1))).hold();

        assertThat(half)
                .extracting(Hold::reason, Hold::heldCycles, Hold::heldSince)
                .containsExactly(
                        HoldReason.MASS_REMOVAL,
                        1,
                        T0.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void appliesAConfirmedHoldOnlyWhenTheConfirmationNamesIt() {
        Hold hold = ((RemovalGuard.Held) judge(null, TWENTY, Set.of(), null, T0)).hold();

        RemovalGuard.Held stale = (RemovalGuard.Held) judge(hold, TWENTY, Set.of(), T0.minusSeconds(60), T0);
        assertThat(stale.hold().heldCycles()).isEqualTo(2);

        assertThat(judge(hold, TWENTY, Set.of(), hold.heldSince(), T0.plusSeconds(1)))
                .isEqualTo(new RemovalGuard.Apply(hold, RemovalGuard.Ending.CONFIRMED));
    }

    @Test
    void endsAHoldWhenTheSourceRecovers() {
        Hold hold = ((RemovalGuard.Held) judge(null, TWENTY, Set.of(), null, T0)).hold();

        assertThat(judge(hold, TWENTY, skus(19), null, T0.plusSeconds(1)))
                .isEqualTo(new RemovalGuard.Apply(hold, RemovalGuard.Ending.RECOVERED));
    }

    @Test
    void refusesASettingOutsideItsRange() {
        assertThatThrownBy(() -> new RemovalGuard(1.5, 3)).hasMessageContaining("max-share must be between 0 and 1");
        assertThatThrownBy(() -> new RemovalGuard(0.25, 0))
                .hasMessageContaining("release-after-cycles must be at least 1");
    }

    /** acme/shop/0 .. acme/shop/(n-1): a prefix of every larger set. */
    private static Set<String> skus(int n) {
        return IntStream.range(0, n).mapToObj(i -> "acme/shop/" + i).collect(Collectors.toSet());
    }

    private static RemovalGuard.Verdict judge(
            Hold current, Set<String> live, Set<String> seen, Instant confirmed, Instant at) {
        List<String> missing =
                live.stream().filter(key -> !seen.contains(key)).sorted().toList();
        return GUARD.judge(current, live.size(), missing, seen.isEmpty(), confirmed, at);
    }
}
