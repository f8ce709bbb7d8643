package io.productsync.matcher.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Before Kafka Streams starts: every input topic, and every broadcast topic the matcher declared itself, exists with
 * exactly {@code productsync.kafka.partitions} partitions.
 * The state stores and internal topics are partitioned like the inputs, so another count would move keys away from
 * their state: that refuses the start at once. A missing input (its writer has not declared it yet) is waited for,
 * up to {@code productsync.matcher.input-topics-wait}, then refuses the start too. An input the matcher's principal
 * may not describe (no ACL) refuses the start at once.
 */
final class InputTopicsCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InputTopicsCheck.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    private static final Duration DESCRIBE_AT_MOST = Duration.ofSeconds(10);

    private final Map<String, Object> adminConfig;
    private final int partitions;
    private final Duration wait;
    private final int phase;
    private volatile boolean running;

    InputTopicsCheck(Map<String, Object> adminConfig, int partitions, Duration wait, int phase) {
        this.adminConfig = adminConfig;
        this.partitions = partitions;
        this.wait = wait;
        this.phase = phase;
    }

    @Override
    public void start() {
        try (Admin admin = Admin.create(adminConfig)) {
            awaitInputs(admin);
        }
        running = true;
    }

    private void awaitInputs(Admin admin) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<InputTopic, String> announced = new LinkedHashMap<>();
        while (true) {
            Map<InputTopic, String> missing = missing(admin, deadline);
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(missingMessage(missing));
            }
            missing.forEach((input, why) -> {
                if (announced.putIfAbsent(input, why) == null) {
                    log.info(
                            "Waiting up to {} (productsync.matcher.input-topics-wait) for input topic '{}' ({}):"
                                    + " {} declares it",
                            wait,
                            input.name(),
                            why,
                            input.declaredBy());
                }
            });
            pause();
        }
    }

    /** Checks the partition count of every input that exists (a wrong one refuses at once); returns the others. */
    private Map<InputTopic, String> missing(Admin admin, long deadline) {
        long remaining = Math.max(deadline - System.nanoTime(), RETRY_EVERY.toNanos());
        DescribeTopicsOptions options = new DescribeTopicsOptions()
                .timeoutMs((int) Duration.ofNanos(Math.min(remaining, DESCRIBE_AT_MOST.toNanos()))
                        .toMillis());
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                        InputTopic.READ_BY_STREAMS.stream()
                                .map(InputTopic::name)
                                .toList(),
                        options)
                .topicNameValues();
        Map<InputTopic, String> missing = new LinkedHashMap<>();
        for (InputTopic input : InputTopic.READ_BY_STREAMS) {
            try {
                int found = described.get(input.name()).get().partitions().size();
                if (found != partitions) {
                    throw new IllegalStateException(wrongPartitionsMessage(input, found));
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    throw new IllegalStateException(notAuthorizedMessage(input), e.getCause());
                }
                missing.put(
                        input,
                        e.getCause() instanceof UnknownTopicOrPartitionException
                                ? "it does not exist"
                                : "it cannot be described: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the input topics", e);
            }
        }
        return missing;
    }

    private String wrongPartitionsMessage(InputTopic input, int found) {
        return "Input topic '" + input.name() + "' has " + found + " partitions, expected " + partitions
                + " (productsync.kafka.partitions). The matcher's state stores and internal topics are partitioned"
                + " like its inputs, and another count would move keys away from their state, so it does not start."
                + " Set productsync.kafka.partitions to the count " + input.declaredBy()
                + " declared the topic with, or recreate the topic with " + partitions + " partitions.";
    }

    /** An ACL is not granted by waiting: refuse at once, naming what to grant. */
    private static String notAuthorizedMessage(InputTopic input) {
        return "The matcher does not start: it is not authorized to describe its input topic '" + input.name()
                + "'. Grant its principal Read on topic '" + input.name()
                + "' (the ACLs each service needs are listed in the README, \"Running on a real cluster: security\").";
    }

    private String missingMessage(Map<InputTopic, String> missing) {
        return missing.entrySet().stream()
                .map(entry -> "input topic '" + entry.getKey().name() + "' is missing after waiting " + wait
                        + " (productsync.matcher.input-topics-wait): " + entry.getValue() + "; "
                        + entry.getKey().declaredBy() + " declares it, start it first")
                .collect(Collectors.joining("; ", "The matcher does not start: ", "."));
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the input topics", e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
