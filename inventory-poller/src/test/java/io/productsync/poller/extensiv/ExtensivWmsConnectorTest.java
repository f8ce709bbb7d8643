package io.productsync.poller.extensiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.productsync.poller.MovableClock;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsItem;
import io.productsync.poller.connector.WmsRef;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ExtensivWmsConnectorTest {

    static final long CUSTOMER = 42;
    static final ExtensivCredentials CREDENTIALS =
            new ExtensivCredentials("app-client-id", "app-client-secret", "guysmiley", null);

    private final MovableClock clock = new MovableClock();
    private ExtensivFake fake;

    @BeforeEach
    void startFake() throws IOException {
        fake = new ExtensivFake(CREDENTIALS, CUSTOMER, clock);
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private ExtensivSettings settings(Set<Long> facilities) {
        return ExtensivSettings.of(CUSTOMER, facilities).withBaseUrl(fake.baseUrl());
    }

    private WmsConnector connector(ExtensivSettings settings) {
        return new ExtensivConnectorFactory(clock).create(new WmsRef("demo", "main"), settings, CREDENTIALS);
    }

    @Test
    void readsEveryPageToTheEndWithExactQuantities() {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 1203; i++) {
            fake.stock(1, "SKU-" + i, i + ".0");
            expected.put("SKU-" + i, (long) i);
        }

        FullRead read = FullRead.of(connector(settings(Set.of(1L))));

        assertThat(read.available()).isEqualTo(expected);
        assertThat(read.cursors()).containsExactly("2", "3", null);
        assertThat(fake.summaryRequests()).isEqualTo(3);
        assertThat(fake.pageSizes()).containsOnly(500);
    }

    @Test
    void publishesNothingBeforeTheLastPageSoNoPartialSumLeaves() {
        fake.stock(1, "A", "10.0");
        fake.stock(1, "B", "1.0");
        fake.stock(1, "C", "2.0");
        fake.stock(2, "A", "5.0");

        FullRead read = FullRead.of(connector(settings(Set.of(1L, 2L)).withPageSize(2)));

        assertThat(read.pages()).hasSize(2);
        assertThat(read.pages().get(0).items()).isEmpty();
        assertThat(read.pages().get(1).items())
                .containsExactlyInAnyOrder(new WmsItem("A", 15), new WmsItem("B", 1), new WmsItem("C", 2));
    }

    @Test
    void sumsTheChosenFacilitiesPerSkuAcrossPages() {
        fake.stock(1, "TSHIRT-RED-M", "80.0");
        fake.stock(3, "TSHIRT-RED-M", "1000.0");
        fake.stock(1, "MUG-BLUE", "4.0");
        fake.stock(2, "ONLY-IN-2", "7.0");
        fake.stock(3, "ONLY-IN-3", "9.0");
        fake.stock(CUSTOMER, 2, "TSHIRT-RED-M", "DAMAGED", "3.0");
        fake.stock(2, "TSHIRT-RED-M", "12.0");
        fake.stock(99, 1, "OTHER-CUSTOMER", "", "50.0");

        FullRead read = FullRead.of(connector(settings(Set.of(1L, 2L)).withPageSize(2)));

        assertThat(fake.summaryRequests()).isEqualTo(4);
        assertThat(read.available())
                .containsExactlyInAnyOrderEntriesOf(Map.of("TSHIRT-RED-M", 95L, "MUG-BLUE", 4L, "ONLY-IN-2", 7L));
        assertThat(read.unreadableSkus()).isEmpty();
    }

    @Test
    void reportsANonWholeQuantityAsUnreadableNeitherPublishedNorGone() {
        fake.stock(1, "HALF-A-BOX", "2.5");
        fake.stock(1, "WHOLE", "80.0");
        fake.stock(2, "HALF-A-BOX", "3.0");
        ListAppender<ILoggingEvent> logs = capture(FacilityStock.class);

        FullRead read = FullRead.of(connector(settings(Set.of(1L, 2L))));

        assertThat(read.available()).isEqualTo(Map.of("WHOLE", 80L));
        assertThat(read.unreadableSkus()).containsExactly("HALF-A-BOX");
        assertThat(logs.list)
                .anySatisfy(line ->
                        assertThat(line.getFormattedMessage()).contains("HALF-A-BOX", "2.5", "not a whole number"));
    }

    @Test
    void usesOneTokenForEveryPageAndEveryRead() {
        for (int i = 0; i < 30; i++) {
            fake.stock(1, "SKU-" + i, "1.0");
        }
        WmsConnector connector = connector(settings(Set.of(1L)).withPageSize(10));

        FullRead first = FullRead.of(connector);
        FullRead second = FullRead.of(connector);

        assertThat(first.available()).hasSize(30);
        assertThat(second.available()).isEqualTo(first.available());
        assertThat(fake.summaryRequests()).isEqualTo(6);
        assertThat(fake.tokenRequests()).isEqualTo(1);
    }

    @Test
    void refreshesATokenRefusedMidReadOnceAndCompletesTheRead() {
        for (int i = 0; i < 30; i++) {
            fake.stock(1, "SKU-" + i, "1.0");
        }
        fake.reportExpiresIn(Duration.ofMinutes(30));
        fake.tokenTtl(Duration.ofMinutes(5));
        WmsConnector connector = connector(settings(Set.of(1L)).withPageSize(10));

        Page<WmsItem> first = connector.readPage(null);
        clock.advance(Duration.ofMinutes(6));
        Page<WmsItem> second = connector.readPage(first.nextCursor());
        Page<WmsItem> last = connector.readPage(second.nextCursor());

        assertThat(last.isLast()).isTrue();
        assertThat(last.items()).hasSize(30);
        assertThat(fake.refusedTokens()).isEqualTo(1);
        assertThat(fake.tokenRequests()).isEqualTo(2);
        assertThat(fake.summaryRequests()).isEqualTo(4);
    }

    @Test
    void fetchesANewTokenShortlyBeforeExpiresInWithoutWaitingForA401() {
        fake.stock(1, "SKU", "1.0");
        fake.tokenTtl(Duration.ofMinutes(10));
        WmsConnector connector = connector(settings(Set.of(1L)));

        FullRead.of(connector);
        clock.advance(Duration.ofMinutes(9).plusSeconds(30));
        FullRead read = FullRead.of(connector);

        assertThat(read.available()).isEqualTo(Map.of("SKU", 1L));
        assertThat(fake.tokenRequests()).isEqualTo(2);
        assertThat(fake.refusedTokens()).isZero();
    }

    @Test
    void keepsATokenAtMostThirtyMinutesWhateverExpiresInSays() {
        fake.stock(1, "SKU", "1.0");
        fake.tokenTtl(Duration.ofMinutes(60));
        WmsConnector connector = connector(settings(Set.of(1L)));

        FullRead.of(connector);
        clock.advance(Duration.ofMinutes(25));
        FullRead.of(connector);
        assertThat(fake.tokenRequests()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        FullRead.of(connector);

        assertThat(fake.tokenRequests()).isEqualTo(2);
        assertThat(fake.refusedTokens()).isZero();
    }

    @Test
    void wrongCredentialsFailWithAClearMessage() {
        fake.stock(1, "SKU", "1.0");
        ExtensivCredentials wrong = new ExtensivCredentials("app-client-id", "not-the-secret", "guysmiley", null);
        WmsConnector connector =
                new ExtensivConnectorFactory(clock).create(new WmsRef("demo", "main"), settings(Set.of(1L)), wrong);

        assertThatThrownBy(() -> connector.readPage(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Extensiv token request refused: HTTP 401: invalid_client; check the connection's client"
                        + " id, client secret, user login and tpl");
        assertThat(fake.tokenRequests()).isEqualTo(1);
        assertThat(fake.summaryRequests()).isZero();
    }

    @Test
    void sendsTheUserLoginAndTplTheCredentialNames() throws IOException {
        ExtensivCredentials withTpl = new ExtensivCredentials("id", "secret", "guysmiley", "{0A1B2C3D-GUID}");
        try (ExtensivFake tenantFake = new ExtensivFake(withTpl, CUSTOMER, clock)) {
            tenantFake.stock(1, "SKU", "3.0");
            ExtensivSettings settings =
                    ExtensivSettings.of(CUSTOMER, Set.of(1L)).withBaseUrl(tenantFake.baseUrl());
            ExtensivCredentials noTpl = new ExtensivCredentials("id", "secret", "guysmiley", null);
            ExtensivConnectorFactory factory = new ExtensivConnectorFactory(clock);

            FullRead read = FullRead.of(factory.create(new WmsRef("demo", "main"), settings, withTpl));

            assertThat(read.available()).isEqualTo(Map.of("SKU", 3L));
            assertThatThrownBy(() -> factory.create(new WmsRef("demo", "main"), settings, noTpl)
                            .readPage(null))
                    .hasMessageContaining("HTTP 400: invalid_grant: unknown user login or tpl");
        }
    }

    @Test
    void neverAsksForPagesOfMoreThan500WhichTheVendorRefuses() throws Exception {
        for (int i = 0; i < 1001; i++) {
            fake.stock(1, "SKU-" + i, "1.0");
        }

        FullRead read = FullRead.of(connector(settings(Set.of(1L))));

        assertThat(read.available()).hasSize(1001);
        assertThat(fake.pageSizes()).containsExactly(500, 500, 500);
        assertThat(FakeRequests.stockSummaries(fake, "pgsiz=501&pgnum=1").statusCode())
                .isEqualTo(400);
        assertThat(FakeRequests.stockSummaries(fake, "pgsiz=501&pgnum=1").body())
                .contains("\"ErrorCode\":\"OutOfRange\"");
        assertThatThrownBy(() -> settings(Set.of(1L)).withPageSize(501))
                .hasMessage("pageSize must be 1 to 500, was 501");
    }

    @Test
    void readsAnEmptyListingInOneRequest() {
        FullRead read = FullRead.of(connector(settings(Set.of(1L))));

        assertThat(read.pages()).hasSize(1);
        assertThat(read.available()).isEmpty();
        assertThat(fake.summaryRequests()).isEqualTo(1);
    }

    @Test
    void failsAReadWhoseListingChangesSizeBetweenPages() {
        for (int i = 0; i < 4; i++) {
            fake.stock(1, "SKU-" + i, "1.0");
        }
        WmsConnector connector = connector(settings(Set.of(1L)).withPageSize(2));

        Page<WmsItem> first = connector.readPage(null);
        fake.stock(1, "NEW", "1.0");

        assertThatThrownBy(() -> connector.readPage(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("totalResults 4 on page 1, 5 on page 2");
        assertThatThrownBy(() -> connector.readPage("3")).hasMessageContaining("out of order");
        assertThat(FullRead.of(connector).available()).hasSize(5);
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }
}
