package io.productsync.poller.extensiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsItem;
import io.productsync.poller.connector.WmsRef;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExtensivErrorsTest {

    private static final String NULL_REFERENCE =
            "Object reference not set to an instance of an object.\n   at WMS.V2.Inventory.StockSummaries.Get()";

    private final MovableClock clock = new MovableClock();
    private ExtensivFake fake;
    private WmsConnector connector;

    @BeforeEach
    void start() throws IOException {
        fake = new ExtensivFake(ExtensivWmsConnectorTest.CREDENTIALS, ExtensivWmsConnectorTest.CUSTOMER, clock);
        for (int i = 0; i < 4; i++) {
            fake.stock(1, "SKU-" + i, "2.0");
        }
        ExtensivSettings settings = ExtensivSettings.of(ExtensivWmsConnectorTest.CUSTOMER, Set.of(1L))
                .withBaseUrl(fake.baseUrl())
                .withPageSize(2)
                .withRequestTimeout(Duration.ofMillis(300))
                .withRetries(3, Duration.ofMillis(5));
        connector = new ExtensivConnectorFactory(clock)
                .create(new WmsRef("demo", "main"), settings, ExtensivWmsConnectorTest.CREDENTIALS);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void retriesAPlainText500AndCompletesTheRead() {
        fake.failNextSummaryRequests(2, ExtensivFake.Fault.serverError(NULL_REFERENCE));

        FullRead read = FullRead.of(connector);

        assertThat(read.available()).hasSize(4);
        assertThat(fake.summaryRequests()).isEqualTo(4);
    }

    @Test
    void reportsAPersistent500WithItsStatusAndFirstLine() {
        fake.failNextSummaryRequests(3, ExtensivFake.Fault.serverError(NULL_REFERENCE));

        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Extensiv stocksummaries page 1: HTTP 500: Object reference not set to an instance of an"
                        + " object., after 3 attempts");
        assertThat(fake.summaryRequests()).isEqualTo(3);
    }

    @Test
    void retriesATimeoutAndReportsOneThatPersists() {
        fake.failNextSummaryRequests(1, ExtensivFake.Fault.delayedBy(Duration.ofSeconds(30)));
        assertThat(FullRead.of(connector).available()).hasSize(4);

        fake.failNextSummaryRequests(3, ExtensivFake.Fault.delayedBy(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Extensiv stocksummaries page 1: no answer within PT0.3S, after 3 attempts");
        assertThat(fake.summaryRequests()).isEqualTo(3 + 3);
    }

    @Test
    void reportsTheVendorsExceptionBodyWithoutRetrying() {
        fake.failNextSummaryRequests(
                1, ExtensivFake.Fault.vendorException(400, "NotParsable", "Properties not supported: gorp"));

        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Extensiv stocksummaries page 1 refused: HTTP 400: NotParsable: Properties not supported:"
                        + " gorp");
        assertThat(fake.summaryRequests()).isEqualTo(1);
    }

    @Test
    void reportsMalformedJsonWithoutQuotingIt() {
        fake.failNextSummaryRequests(1, ExtensivFake.Fault.malformed("{\"totalResults\": 4, \"summaries\": [{\"ite"));

        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("Extensiv stocksummaries page 1: the answer is not the expected JSON (line 1,")
                .hasMessageNotContaining("\"ite");
    }

    @Test
    void reportsARefusedTokenThatAFreshOneDoesNotCure() {
        fake.failNextSummaryRequests(
                2, new ExtensivFake.Fault(ExtensivFake.Answer.text(401, ExtensivFake.STALE_TOKEN), null));

        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Extensiv stocksummaries page 1 refused: HTTP 401: " + ExtensivFake.STALE_TOKEN);
        assertThat(fake.tokenRequests()).isEqualTo(2);
        assertThat(fake.summaryRequests()).isEqualTo(2);
    }

    @Test
    void turnsA429IntoAWaitAfterWhichTheSamePageReadsOn() {
        Page<WmsItem> first = connector.readPage(null);
        fake.failNextSummaryRequests(1, ExtensivFake.Fault.throttled("7"));
        fake.failNextSummaryRequests(1, ExtensivFake.Fault.throttled(null));

        assertThatThrownBy(() -> connector.readPage(first.nextCursor()))
                .isInstanceOfSatisfying(
                        ThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThatThrownBy(() -> connector.readPage(first.nextCursor()))
                .isInstanceOfSatisfying(
                        ThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(ExtensivHttp.DEFAULT_RETRY_AFTER));
        Page<WmsItem> last = connector.readPage(first.nextCursor());

        assertThat(last.isLast()).isTrue();
        assertThat(last.items())
                .hasSize(4)
                .allSatisfy(item -> assertThat(item.available()).isEqualTo(2));
    }

    @Test
    void reportsATokenEndpointOutageAfterItsRetries() {
        fake.failNextTokenRequests(3, ExtensivFake.Fault.serverError("Service Unavailable"));

        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Extensiv token request: HTTP 500: Service Unavailable, after 3 attempts");
        assertThat(fake.summaryRequests()).isZero();
        assertThat(fake.tokenRequests()).isEqualTo(3);
    }
}
