package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.deploy.LauncherProcess.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The launcher owns its database: PostgreSQL runs in processes of its own, so it outlives a launcher killed the hard
 * way; the next launcher on the same data directory stops it and serves that directory's data, and a launcher on
 * another data directory refuses the port instead of serving the wrong database. A clean stop (SIGTERM, Ctrl+C)
 * stops the services first, then the broker, then the database, so nothing in flight fails.
 */
class LauncherProcessTest {

    private static final int DEMO_ROWS = 5;

    /** Kept when a test fails: the launchers' output is in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    private final List<LauncherProcess> launched = new ArrayList<>();

    /** Latest first: a launcher still running on a data directory owns its database. */
    @AfterEach
    void stopEverythingStarted() {
        Collections.reverse(launched);
        IllegalStateException failed = new IllegalStateException("cannot stop everything the test started");
        for (LauncherProcess launcher : launched) {
            try {
                launcher.close();
            } catch (RuntimeException e) {
                failed.addSuppressed(e);
            }
        }
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }

    @Test
    void aKilledLaunchersDatabaseIsRefusedToAnotherDataDirectoryAndStoppedByItsOwn() {
        Ports ports = Ports.free();
        Path dataDir = workDir.resolve("data");
        Path otherDataDir = workDir.resolve("other-data");
        LauncherProcess first = launch("first", dataDir, ports);
        first.awaitDemoTable(DEMO_ROWS);
        ProcessHandle orphan = first.postmaster().orElseThrow();

        first.kill();

        assertThat(orphan.isAlive())
                .as("PostgreSQL outlives the killed launcher")
                .isTrue();

        LauncherProcess other = launch("other-data-dir", otherDataDir, ports);
        assertThat(other.awaitExit()).as(other.output()).isNotZero();
        assertThat(other.output())
                .contains("Cannot start: port " + ports.postgres() + " for PostgreSQL is not free")
                .contains("held by pid " + orphan.pid())
                .contains("--productsync.postgres.port=<port>");
        assertThat(LocalPostgres.directory(otherDataDir)).as("nothing started").doesNotExist();
        assertThat(orphan.isAlive())
                .as("another data directory's database is left alone")
                .isTrue();

        // Only the report: every row it serves comes from the database, none from a new poll.
        LauncherProcess same = launch("same-data-dir", dataDir, ports, "--productsync.services=sync-report-api");
        JsonNode rows = same.awaitDemoTable(DEMO_ROWS);

        assertThat(rows).hasSize(DEMO_ROWS);
        assertThat(orphan.isAlive()).as("the orphan is stopped").isFalse();
        assertThat(same.postmaster())
                .hasValueSatisfying(postmaster -> assertThat(postmaster.pid()).isNotEqualTo(orphan.pid()));
        assertThat(same.output()).contains("Stopping PostgreSQL (pid " + orphan.pid() + ") left running on");
    }

    @Test
    void aCleanStopFinishesTheServicesBeforeTheBrokerAndTheDatabase() {
        Path dataDir = workDir.resolve("data");
        LauncherProcess launcher = launch("stopped", dataDir, Ports.free());
        // With a one-second poll, results reach the report's batch listener every second.
        launcher.awaitDemoTable(DEMO_ROWS);
        ProcessHandle postmaster = launcher.postmaster().orElseThrow();

        launcher.terminate();

        // 128 + SIGTERM: the JVM ran its shutdown hooks to the end rather than being killed.
        assertThat(launcher.awaitExit()).isEqualTo(143);
        String output = launcher.output();
        assertThat(output).contains("Product Sync stopped.");
        assertThat(output).as("no batch failed on a closed database connection").doesNotContain("08006");
        assertThat(output).doesNotContain(" ERROR ");
        assertThat(postmaster.onExit()).as("PostgreSQL stopped").succeedsWithin(Duration.ofSeconds(30));
        assertThat(LocalPostgres.directory(dataDir).resolve("postmaster.pid"))
                .as("PostgreSQL shut down cleanly")
                .doesNotExist();
    }

    private LauncherProcess launch(String name, Path dataDir, Ports ports, String... options) {
        LauncherProcess launcher = LauncherProcess.start(workDir, name, dataDir, ports, options);
        launched.add(launcher);
        return launcher;
    }
}
