package io.productsync.matcher.system;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The Streams client's health ({@code kafkaStreams} in the actuator's health) and what happens when the client fails
 * for good: logged once at ERROR, and with {@value #EXIT_ON_ERROR} (set by the standalone matcher's {@code main}, not
 * by the launcher, whose JVM also serves the report and the poller) the context is closed and the JVM exits with 1,
 * so an orchestrator restarts it.
 */
@Configuration(proxyBeanMethods = false)
class StreamsHealthWiring {

    static final String EXIT_ON_ERROR = "productsync.matcher.exit-on-streams-error";

    @Bean
    StreamsFailure streamsFailure(ConfigurableApplicationContext context) {
        boolean exit = context.getEnvironment().getProperty(EXIT_ON_ERROR, Boolean.class, false);
        return new StreamsFailure(exit ? () -> exit(context) : () -> {});
    }

    /**
     * Closes the context and exits with 1, on a thread of its own (closing waits for Streams, whose thread reports the
     * failure) that is not a daemon, so the JVM cannot end with 0 before it.
     */
    private static void exit(ConfigurableApplicationContext context) {
        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 1)), "matcher-exit");
        exit.setDaemon(false);
        exit.start();
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamsFailureReporting(StreamsFailure failure) {
        return factoryBean -> {
            factoryBean.setStreamsUncaughtExceptionHandler(failure);
            factoryBean.setStateListener(failure);
        };
    }

    @Bean
    StreamsHealth kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams, StreamsFailure failure) {
        return new StreamsHealth(streams, failure);
    }
}
