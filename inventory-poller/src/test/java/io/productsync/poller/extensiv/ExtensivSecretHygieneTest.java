package io.productsync.poller.extensiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs every error path with a known client secret and scans all that was logged (every logger, at every level), all
 * that reached stdout and stderr, and every exception's message, toString and stack trace for the secret, the Basic
 * header value, its base64, and each access token the fake issued.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExtensivSecretHygieneTest {

    private static final String CLIENT_ID = "pf-client-7a41";
    private static final String SECRET = "Known-Client-Secret-9f2c1e";
    private static final ExtensivCredentials CREDENTIALS =
            new ExtensivCredentials(CLIENT_ID, SECRET, "guysmiley", "{TPL-GUID-1234}");
    private static final ExtensivCredentials VENDOR_SIDE =
            new ExtensivCredentials(CLIENT_ID, "the-secret-the-vendor-holds", "guysmiley", "{TPL-GUID-1234}");

    private final MovableClock clock = new MovableClock();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<String> captured = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private Level rootLevel;

    @BeforeEach
    void captureEveryLogLine() {
        logs.start();
        root.addAppender(logs);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
    }

    @AfterEach
    void restoreLogging() {
        root.setLevel(rootLevel);
        root.detachAppender(logs);
    }

    @Test
    void noSecretTokenOrAuthorizationValueAppearsOnAnyErrorPath(CapturedOutput output) throws IOException {
        // Refused credentials, with a proxy that echoes what it was sent.
        onFake(VENDOR_SIDE, (fake, connector) -> {
            run(connector);
            fake.failNextTokenRequests(
                    1,
                    ExtensivFake.Fault.serverError("bad gateway, got header Authorization: "
                            + CREDENTIALS.basicAuthorization() + " secret=" + SECRET));
            run(connector);
        });
        onFake(CREDENTIALS, (fake, connector) -> {
            // The token endpoint down, then answering a token in a broken body.
            fake.failNextTokenRequests(3, ExtensivFake.Fault.serverError("Service Unavailable"));
            run(connector);
            String leaked = "tok-" + "3c1f9a7e55d04b2c";
            tokens.add(leaked);
            fake.failNextTokenRequests(1, ExtensivFake.Fault.malformed("{\"access_token\":\"" + leaked + "\",\"exp"));
            run(connector);
            // Stock summaries: persistent 500s (one echoing the bearer token), 401s, timeouts, a vendor exception.
            run(connector);
            fake.failNextSummaryRequests(3, ExtensivFake.Fault.serverError("upstream said: " + fake.issuedTokens()));
            run(connector);
            fake.failNextSummaryRequests(
                    2, new ExtensivFake.Fault(ExtensivFake.Answer.text(401, ExtensivFake.STALE_TOKEN), null));
            run(connector);
            fake.expireTokens();
            clock.advance(Duration.ofHours(2));
            fake.failNextSummaryRequests(3, ExtensivFake.Fault.delayedBy(Duration.ofSeconds(30)));
            run(connector);
            fake.failNextTokenRequests(3, ExtensivFake.Fault.delayedBy(Duration.ofSeconds(30)));
            fake.expireTokens();
            clock.advance(Duration.ofHours(2));
            run(connector);
            fake.failNextSummaryRequests(1, ExtensivFake.Fault.vendorException(400, "NotParsable", SECRET));
            run(connector);
            fake.failNextSummaryRequests(1, ExtensivFake.Fault.throttled("1"));
            run(connector);
            tokens.addAll(fake.issuedTokens());
            captured.add(connector.toString());
        });
        captured.add(CREDENTIALS.toString());
        captured.add(ExtensivSettings.of(1, Set.of(1L)).toString());
        List<ILoggingEvent> lines;
        // ListAppender adds under the appender's own lock, and the shared broker's threads may log meanwhile.
        synchronized (logs) {
            lines = new ArrayList<>(logs.list);
        }
        lines.forEach(line -> {
            captured.add(line.getFormattedMessage());
            if (line.getThrowableProxy() != null) {
                captured.add(ThrowableProxyUtil.asString(line.getThrowableProxy()));
            }
        });
        captured.add(output.getAll());

        assertThat(tokens).hasSizeGreaterThan(3);
        assertThat(captured).anySatisfy(text -> assertThat(text).contains("HTTP 401: invalid_client"));
        assertThat(captured).anySatisfy(text -> assertThat(text).contains("HTTP 500: bad gateway, got header"));
        assertThat(captured).anySatisfy(text -> assertThat(text).contains("no answer within"));
        assertThat(captured).anySatisfy(text -> assertThat(text).contains("token response is not JSON"));
        List<String> forbidden = new ArrayList<>(List.of(
                SECRET,
                CREDENTIALS.basicAuthorization(),
                CREDENTIALS.basicAuthorization().substring("Basic ".length()),
                base64(SECRET),
                CLIENT_ID + ":" + SECRET));
        forbidden.addAll(tokens);
        for (String text : captured) {
            for (String secret : forbidden) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private interface Scenario {
        void run(ExtensivFake fake, WmsConnector connector) throws IOException;
    }

    private void onFake(ExtensivCredentials vendorSide, Scenario scenario) throws IOException {
        try (ExtensivFake fake = new ExtensivFake(vendorSide, 7, clock)) {
            fake.stock(1, "SKU", "1.0");
            ExtensivSettings settings = ExtensivSettings.of(7, Set.of(1L))
                    .withBaseUrl(fake.baseUrl())
                    .withRequestTimeout(Duration.ofMillis(200))
                    .withRetries(3, Duration.ofMillis(5));
            scenario.run(fake, new ExtensivConnectorFactory(clock).create(new WmsRef("t", "w"), settings, CREDENTIALS));
            tokens.addAll(fake.issuedTokens());
        }
    }

    /** One full read; whatever it throws is captured (message, toString, stack trace with causes). */
    private void run(WmsConnector connector) {
        Throwable thrown = catchThrowable(() -> FullRead.of(connector));
        Consumer<Throwable> keep = e -> {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            captured.add(String.valueOf(e.getMessage()));
            captured.add(e.toString());
            captured.add(trace.toString());
        };
        if (thrown != null) {
            keep.accept(thrown);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
