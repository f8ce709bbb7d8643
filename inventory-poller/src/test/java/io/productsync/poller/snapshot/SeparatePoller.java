package io.productsync.poller.snapshot;

import io.productsync.poller.InventoryPollerApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/** A poller of its own on the shared test broker, with its own sandbox and state directories, as a restart sees them. */
final class SeparatePoller {

    private SeparatePoller() {}

    /** {@code more}: further {@code --key=value} arguments, none of them repeating one set here. */
    static ConfigurableApplicationContext start(
            String brokers, Path sandbox, Path state, String pollInterval, String... more) {
        List<String> args = List.of(
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--productsync.kafka.partitions=2",
                "--productsync.sandbox.dir=" + sandbox,
                "--productsync.sandbox.poll-interval=" + pollInterval,
                "--productsync.poller.tick=50ms",
                "--productsync.poller.state-dir=" + state);
        return InventoryPollerApplication.builder()
                .run(Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new));
    }
}
