package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A port something else listens on is refused with the setting that moves it; a free one is taken. */
class FreePortTest {

    @Test
    void refusesAPortSomethingListensOnNamingTheSettingThatMovesIt() throws IOException {
        try (ServerSocket held = new ServerSocket(0)) {
            int port = held.getLocalPort();

            assertThatThrownBy(() -> FreePort.require(port, "the Kafka broker", "productsync.kafka.port"))
                    .isInstanceOf(LaunchRefused.class)
                    .hasMessageContaining("port " + port + " for the Kafka broker is not free")
                    .hasMessageContaining("choose another port with --productsync.kafka.port=<port>");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void namesTheProcessHoldingThePort() throws IOException {
        try (ServerSocket held = new ServerSocket(0)) {
            int port = held.getLocalPort();

            assertThatThrownBy(() -> FreePort.require(port, "PostgreSQL", "productsync.postgres.port"))
                    .hasMessageContaining(
                            "held by pid " + ProcessHandle.current().pid() + ": ")
                    .hasMessageContaining("java");
        }
    }

    @Test
    void takesAFreePort() {
        int port = TestPorts.free();

        assertThatCode(() -> FreePort.require(port, "PostgreSQL", "productsync.postgres.port"))
                .doesNotThrowAnyException();
    }
}
