package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The process that listens on a TCP port, where the system tells: Linux's {@code /proc}, for processes this user may
 * inspect. Empty elsewhere; it only makes a refusal's message more helpful.
 */
final class PortHolder {

    private static final String LISTEN = "0A";

    private PortHolder() {}

    static Optional<ProcessHandle> of(int port) {
        Set<String> sockets = listeningSockets(port);
        if (sockets.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(process -> process.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(process -> holdsAny(process, sockets))
                    .findFirst()
                    .flatMap(process -> ProcessHandle.of(
                            Long.parseLong(process.getFileName().toString())));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Inodes of the sockets listening on the port, from {@code /proc/net/tcp} and {@code tcp6}. */
    private static Set<String> listeningSockets(int port) {
        String localPort = ":%04X".formatted(port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : lines(Path.of(table))) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && columns[1].endsWith(localPort) && columns[3].equals(LISTEN)) {
                    inodes.add("socket:[" + columns[9] + "]");
                }
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> sockets) {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.anyMatch(descriptor -> sockets.contains(target(descriptor)));
        } catch (IOException | UncheckedIOException e) {
            // gone, or another user's
            return false;
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
