package io.productsync.report;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Starts the whole service through its real builder against a test broker and database. */
final class RunningService {

    private RunningService() {}

    static ConfigurableApplicationContext start(String brokers, String databaseUrl, String... moreArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.datasource.url=" + databaseUrl));
        args.addAll(TestDatabase.roleArguments());
        // The operator's password of this run, unless the test gives its own (blank: generated on the first start).
        if (Arrays.stream(moreArgs).noneMatch(arg -> arg.startsWith("--productsync.security.local-admin-password="))) {
            args.add(Operator.passwordSetting());
        }
        args.addAll(List.of(moreArgs));
        return SyncReportApplication.builder().run(args.toArray(String[]::new));
    }

    /**
     * Returns once every listener of {@code app} has its partitions. Its listeners join one consumer group one after
     * another, and each join is a rebalance: on a loaded machine a request made right after start may wait seconds
     * for the projection it reads back (a connection PUT answered 503 after its read-model wait).
     */
    static ConfigurableApplicationContext awaitListenersAssigned(ConfigurableApplicationContext app) {
        var containers = app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> containers.stream()
                        .map(MessageListenerContainer::getAssignedPartitions)
                        .allMatch(partitions -> partitions != null && !partitions.isEmpty()));
        return app;
    }
}
