package io.productsync.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

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
}
