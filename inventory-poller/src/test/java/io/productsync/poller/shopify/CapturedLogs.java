package io.productsync.poller.shopify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the test, down to DEBUG, for as long as it is open. */
final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    /** Each event as text: its formatted message and any throwable with its stack. */
    List<String> lines() {
        // ListAppender adds under the appender's own lock (AppenderBase.doAppend), and other threads may log meanwhile.
        synchronized (appender) {
            return appender.list.stream()
                    .map(event -> event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
                            + (event.getThrowableProxy() == null
                                    ? ""
                                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        appender.stop();
    }
}
