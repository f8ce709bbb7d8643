package io.productsync.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Every authorization failure logged while it is open: the broker's authorizer denials ({@code kafka.authorizer.logger},
 * INFO, for the requests that ask for them) and what the services' Kafka clients log at WARN or above about one (a
 * listener denied its topic, a send or a topic declaration refused), which the broker does not always log.
 */
final class AuthorizationFailures implements AutoCloseable {

    private static final String DENIED = " is Denied ";

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger authorizer = (Logger) LoggerFactory.getLogger("kafka.authorizer.logger");
    private final Level authorizerLevel = authorizer.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private final String loggingSystem = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);

    /**
     * Spring Boot resets logback when it starts the first context of a JVM (and stops it, so no listener survives),
     * which would detach the appender: while this is open, the services leave logback as {@code logback.xml} set it.
     */
    AuthorizationFailures() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        appender.start();
        attach();
    }

    private void attach() {
        root.addAppender(appender);
        authorizer.setLevel(Level.INFO);
    }

    /** Each failure as its log line, with its exception's message. */
    List<String> all() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .filter(AuthorizationFailures::isFailure)
                    .map(event -> event.getFormattedMessage()
                            + (event.getThrowableProxy() == null
                                    ? ""
                                    : ": " + event.getThrowableProxy().getMessage()))
                    .toList();
        }
    }

    /** The broker's denials of {@code principal}'s requests (e.g. {@code User:sync-matcher}). */
    List<String> deniedTo(String principal) {
        return all().stream()
                .filter(line -> line.contains("Principal = " + principal + DENIED))
                .toList();
    }

    private static boolean isFailure(ILoggingEvent event) {
        if (event.getFormattedMessage().contains(DENIED)) {
            return true;
        }
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return false;
        }
        if (event.getFormattedMessage().toLowerCase().contains("authorization")) {
            return true;
        }
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (cause.getClassName().endsWith("AuthorizationException")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        authorizer.setLevel(authorizerLevel);
        appender.stop();
        if (loggingSystem == null) {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        } else {
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
        }
    }
}
