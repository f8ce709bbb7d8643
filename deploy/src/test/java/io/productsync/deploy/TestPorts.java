package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on right now, so tests never depend on fixed ones. */
final class TestPorts {

    private TestPorts() {}

    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose next port is free too: the local broker takes the port and its controller the next one. */
    static int freePair() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = free();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IllegalStateException("no two adjacent free ports");
    }
}
