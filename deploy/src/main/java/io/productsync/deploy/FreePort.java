package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;

/**
 * Refuses a port that something else already holds. Without this check a second PostgreSQL fails to bind while the
 * driver reaches whatever answers on the port (seen: another data directory's database, served silently), and
 * Kafka fails deep in its startup.
 */
final class FreePort {

    private FreePort() {}

    /** {@code serves} names what the port is for; {@code setting} is the option that moves it. */
    static void require(int port, String serves, String setting) {
        // The wildcard address: taken if anything listens on the port on any interface, IPv4 or IPv6.
        try (ServerSocket probe = new ServerSocket(port)) {
            // free
        } catch (BindException taken) {
            throw new LaunchRefused(
                    "Cannot start: port %d for %s is not free (%s)%s. Stop that process or choose another port with --%s=<port>."
                            .formatted(port, serves, taken.getMessage(), heldBy(port), setting));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check port " + port, e);
        }
    }

    private static String heldBy(int port) {
        return PortHolder.of(port)
                .map(holder -> "; it is held by pid " + holder.pid()
                        + holder.info()
                                .commandLine()
                                .map(line -> ": " + shortened(line))
                                .orElse(""))
                .orElse("");
    }

    private static String shortened(String commandLine) {
        return commandLine.length() <= 300 ? commandLine : commandLine.substring(0, 300) + "...";
    }
}
