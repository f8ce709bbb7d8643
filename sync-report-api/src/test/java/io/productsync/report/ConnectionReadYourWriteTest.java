package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.events.Topics;
import io.productsync.report.ApiClient.Response;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A connection change answers once the read model shows it, so the request right after it (the README's two curl
 * calls back to back) sees it: on an embedded KRaft broker and a real PostgreSQL, through the whole service.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionReadYourWriteTest {

    private static final int ROUNDS = 20;
    private static final String SANDBOX_WMS = "{\"platform\":\"sandbox\"}";

    private ConfigurableApplicationContext app;
    private ApiClient api;
    private String brokers;

    @BeforeAll
    void startService(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        app = RunningService.awaitListenersAssigned(RunningService.start(
                brokers, TestDatabase.newDatabaseUrl("read_your_write"), "--productsync.kafka.partitions=1"));
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stopService() {
        app.close();
    }

    @Test
    void aCartNamingAWmsIsAcceptedRightAfterTheWmsPutAnswers() {
        List<String> answers = rounds(i -> {
            Response connected = api.put("ryw/wms/fresh-" + i, SANDBOX_WMS);
            Response cart = api.put("ryw/carts/shop-" + i, cart("fresh-" + i));
            return i + ": " + connected.status() + " then " + cart.status();
        });

        assertThat(answers).containsExactlyElementsOf(rounds(i -> i + ": 201 then 201"));
        assertThat(api.get("ryw/carts").body().get("items").size()).isEqualTo(ROUNDS);
    }

    @Test
    void aReplacedWmsShowsItsNewVersionRightAfterThePutAnswers() {
        assertThat(api.put("replaced/wms/east", SANDBOX_WMS).status()).isEqualTo(201);

        Response replaced = api.put("replaced/wms/east", SANDBOX_WMS);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.get("replaced/wms/east").body().get("configuredAt"))
                .isEqualTo(replaced.body().get("configuredAt"));
    }

    @Test
    void aCartNamingAWmsDisconnectedRightBeforeIsRefused() {
        List<String> answers = rounds(i -> {
            Response connected = api.put("gone/wms/gone-" + i, SANDBOX_WMS);
            Response disconnected = api.delete("gone/wms/gone-" + i);
            Response cart = api.put("gone/carts/shop-" + i, cart("gone-" + i));
            return i + ": " + connected.status() + ", " + disconnected.status() + ", " + answer(cart);
        });

        assertThat(answers)
                .containsExactlyElementsOf(
                        rounds(i -> i + ": 201, 202, 400 WMS 'gone-" + i + "' does not exist in tenant"
                                + " 'gone': connect it first (PUT /api/v1/tenants/gone/wms/gone-" + i + ")"));
    }

    @Test
    void aWmsThatWasNeverConnectedIsRefused() {
        Response cart = api.put("never/carts/shop", cart("nowhere"));

        assertThat(cart.status()).isEqualTo(400);
        assertThat(cart.body().get("field").asString()).isEqualTo("wmsId");
        assertThat(cart.detail()).startsWith("WMS 'nowhere' does not exist in tenant 'never'");
    }

    @Test
    void aWmsIsNotDisconnectedRightAfterACartNamedIt() {
        List<String> answers = rounds(i -> {
            Response connected = api.put("fed/wms/fed-" + i, SANDBOX_WMS);
            Response cart = api.put("fed/carts/shop-" + i, cart("fed-" + i));
            Response disconnected = api.delete("fed/wms/fed-" + i);
            return i + ": " + connected.status() + ", " + cart.status() + ", " + disconnected.status();
        });

        assertThat(answers).containsExactlyElementsOf(rounds(i -> i + ": 201, 201, 409"));
    }

    @Test
    void aChangeTheReadModelNeverShowsAnswers503AfterTheWaitWithKafkaHoldingIt() {
        try (ConfigurableApplicationContext stalled = RunningService.start(
                brokers,
                TestDatabase.newDatabaseUrl("read_your_write_stalled"),
                "--productsync.kafka.partitions=1",
                "--productsync.report.read-model-wait=1s",
                "--spring.kafka.listener.auto-startup=false")) {
            ApiClient stalledApi =
                    new ApiClient(Integer.parseInt(stalled.getEnvironment().getProperty("local.server.port")));

            Response put = stalledApi.put("stalled/wms/east", SANDBOX_WMS);

            assertThat(put.status()).isEqualTo(503);
            assertThat(put.contentType()).startsWith("application/problem+json");
            assertThat(put.detail())
                    .startsWith("WMS 'stalled/east' connected: Kafka has stored it, but this service's read model did"
                            + " not show it within 1000 ms");
            assertThat(TopicRecords.until(brokers, Topics.WMS_CONNECTIONS.name(), "stalled/east"))
                    .anyMatch(r -> "stalled/east".equals(r.key()) && r.value() != null);
        }
    }

    /** One line per round, {@link #ROUNDS} rounds, each on fresh ids. */
    private static List<String> rounds(IntFunction<String> round) {
        return IntStream.range(0, ROUNDS).mapToObj(round).toList();
    }

    /** The status, and the detail of a problem. */
    private static String answer(Response response) {
        return response.contentType().startsWith("application/problem+json")
                ? response.status() + " " + response.detail()
                : String.valueOf(response.status());
    }

    private static String cart(String wmsId) {
        return "{\"platform\":\"sandbox\",\"wmsId\":\"" + wmsId + "\",\"pollInterval\":\"PT10S\"}";
    }
}
