package io.productsync.poller.snapshot;

import io.productsync.events.HoldReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Whether a complete snapshot's removals apply or are held. Held: a snapshot that lists nothing where keys are live
 * (a file cut to its header, an empty vendor page), or one that would remove more than {@code maxShare} of the live
 * keys (a file half written, a short page). A hold is released when {@code releaseAfterCycles} snapshots in a row have
 * been held for the same removal and the next one still comes to it, or when a user confirmed that very hold; it ends
 * without removing anything held when a snapshot no longer removes too much.
 */
record RemovalGuard(double maxShare, int releaseAfterCycles) {

    RemovalGuard {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("removal-guard.max-share must be between 0 and 1, was " + maxShare);
        }
        if (releaseAfterCycles < 1) {
            throw new IllegalArgumentException(
                    "removal-guard.release-after-cycles must be at least 1, was " + releaseAfterCycles);
        }
    }

    sealed interface Verdict {}

    /** Remove what is missing; {@code ended} is the hold this ends (null when nothing was held). */
    record Apply(Hold ended, Ending ending) implements Verdict {}

    /** Remove nothing; {@code hold} is the new or continued hold. */
    record Held(Hold hold) implements Verdict {}

    enum Ending {
        RELEASED,
        CONFIRMED,
        RECOVERED
    }

    /**
     * {@code live}: how many keys were live before this snapshot; {@code missing}: those of them it did not list, sorted;
     * {@code listedNothing}: it listed no key at all; {@code confirmed}: the {@code heldSince} of the last confirmation
     * received for this source, or null.
     */
    Verdict judge(Hold current, int live, List<String> missing, boolean listedNothing, Instant confirmed, Instant at) {
        HoldReason reason = reason(live, listedNothing, missing.size());
        if (reason == null) {
            return new Apply(current, current == null ? null : Ending.RECOVERED);
        }
        String removal = digest(missing);
        boolean same = current != null && current.sameRemoval(reason, removal);
        if (same && current.heldSince().equals(confirmed)) {
            return new Apply(current, Ending.CONFIRMED);
        }
        if (same && current.heldCycles() >= releaseAfterCycles) {
            return new Apply(current, Ending.RELEASED);
        }
        // Millisecond precision, so the heldSince a user sends back through the API and a database matches exactly.
        Instant since = same ? current.heldSince() : at.truncatedTo(ChronoUnit.MILLIS);
        int cycles = same ? current.heldCycles() + 1 : 1;
        return new Held(new Hold(reason, since, cycles, removal, live, missing.size(), at));
    }

    private HoldReason reason(int live, boolean emptySnapshot, int missing) {
        if (missing == 0) {
            return null;
        }
        if (emptySnapshot) {
            return HoldReason.EMPTY_SNAPSHOT;
        }
        return missing > maxShare * live ? HoldReason.MASS_REMOVAL : null;
    }

    /** Sorted keys, so the same removal always gives the same digest. */
    private static String digest(List<String> sortedKeys) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String key : sortedKeys) {
                sha.update(key.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
