package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.report.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The launcher as a user runs it: a JVM of its own ({@code java ... LocalProductSync}) on the test's classpath, with
 * its output in a file. Closing it kills the JVM if it still runs, and then the PostgreSQL its data directory names,
 * if that outlived it.
 */
final class LauncherProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** The ports one launcher takes: the API, PostgreSQL, the broker (and its controller on the next port). */
    record Ports(int api, int postgres, int kafka) {

        static Ports free() {
            return new Ports(TestPorts.free(), TestPorts.free(), TestPorts.freePair());
        }
    }

    private final Process process;
    private final Path output;
    private final Path dataDir;
    private final ReportApi api;

    private LauncherProcess(Process process, Path output, Path dataDir, Ports ports) {
        this.process = process;
        this.output = output;
        this.dataDir = dataDir;
        this.api = new ReportApi(ports.api());
    }

    /** Runs the launcher on {@code dataDir}, with the sandbox in {@code workDir/sandbox} and its output in {@code workDir/<name>.log}. */
    static LauncherProcess start(Path workDir, String name, Path dataDir, Ports ports, String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // Where the test JVM keeps the PostgreSQL binaries it unpacked.
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp",
                System.getProperty("java.class.path"),
                LocalProductSync.class.getName(),
                "--productsync.data-dir=" + dataDir,
                "--productsync.sandbox.dir=" + workDir.resolve("sandbox"),
                "--productsync.sandbox.poll-interval=1s",
                "--productsync.kafka.partitions=1",
                "--server.port=" + ports.api(),
                "--productsync.poller.port=0",
                "--productsync.postgres.port=" + ports.postgres(),
                "--productsync.kafka.port=" + ports.kafka(),
                Operator.passwordSetting()));
        command.addAll(List.of(options));
        Path output = workDir.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new LauncherProcess(process, output, dataDir, ports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the launcher", e);
        }
    }

    /** Waits until the API serves at least {@code rows} rows of the demo cart, and returns them. */
    JsonNode awaitDemoTable(int rows) {
        return await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast(
                        "the launcher exited",
                        () -> assertThat(process.isAlive())
                                .as(() -> "running; its output:\n" + output())
                                .isTrue())
                .until(
                        () -> api.rows(DemoSandbox.TENANT, DemoSandbox.CART),
                        table -> table != null && table.size() >= rows);
    }

    /** kill -9 of the launcher's JVM only; whatever it started in processes of its own lives on. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as a service manager stops it; Ctrl+C (SIGINT) runs the same shutdown hooks. */
    void terminate() {
        process.destroy();
    }

    int awaitExit() {
        try {
            if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the launcher did not exit; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL server process of the data directory, while its {@code postmaster.pid} names a live one. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = LocalPostgres.directory(dataDir).resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .filter(line -> line.trim().matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid.trim())))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
        PostgresOrphan.stopIfRunning(LocalPostgres.directory(dataDir));
    }
}
