package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.EventTypes;
import io.productsync.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A cart that does not change: after its first cycle the poller publishes no SKU record, only a cycle fact per
 * partition, and the matcher's verdicts still move the Last Cart Sync Date of its synced SKUs every cycle (issue 7).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnchangedCycleEndToEndTest {

    private static final String TENANT = "steady";
    private static final String CART = "shop";

    private Infrastructure infrastructure;
    private RunningSystem system;

    @BeforeAll
    void startSystem(@TempDir Path workDir) {
        infrastructure = Infrastructure.shared();
        Path sandbox = workDir.resolve("sandbox");
        SandboxFiles.write(SandboxFiles.wms(sandbox, TENANT, "main"), """
                sku,available
                A,3
                B,5
                """);
        SandboxFiles.write(SandboxFiles.cart(sandbox, TENANT, CART), """
                sku,inventory_tracked,product_active,quantity
                A,true,true,3
                B,true,true,5
                C,true,true,1
                """);
        system = RunningSystem.start(infrastructure, sandbox, workDir.resolve("state"), Duration.ofSeconds(1));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anUnchangedCartPublishesNoSkuRecordsYetItsSyncDatesMoveEveryCycle() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            DemoEndToEndTest.assertSynced(system.row(TENANT, CART, "A"));
            DemoEndToEndTest.assertSynced(system.row(TENANT, CART, "B"));
            DemoEndToEndTest.assertNever(system.row(TENANT, CART, "C"), "NO_WMS_MATCH");
        });
        try (TopicTap<?> inventory = new TopicTap<>(infrastructure.bootstrapServers(), Topics.CART_INVENTORY);
                TopicTap<?> results = new TopicTap<>(infrastructure.bootstrapServers(), Topics.SYNC_RESULTS)) {
            int skuRecords = skuRecords(inventory);
            assertThat(skuRecords)
                    .as("the first cycle published the cart's SKUs")
                    .isGreaterThanOrEqualTo(3);
            Instant synced = syncDate("A");
            List<Instant> datesSeen = new ArrayList<>(List.of(synced));

            // Two later cycles must each move the date of the synced SKUs with no SKU record of their own.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Instant now = syncDate("A");
                if (!datesSeen.contains(now)) {
                    datesSeen.add(now);
                }
                assertThat(datesSeen)
                        .as("A's Last Cart Sync Date over the cycles")
                        .hasSizeGreaterThanOrEqualTo(3);
            });
            assertThat(datesSeen).isSorted();
            assertThat(syncDate("B")).isAfter(synced);
            assertThat(skuRecords(inventory))
                    .as("SKU records on cart-inventory since")
                    .isEqualTo(skuRecords);
            JsonNode never = system.row(TENANT, CART, "C");
            DemoEndToEndTest.assertNever(never, "NO_WMS_MATCH");
            assertThat(never.path("lastCartSyncDate").isNull()
                            || never.path("lastCartSyncDate").isMissingNode())
                    .as("a NEVER row gains no date from a cycle: %s", never)
                    .isTrue();

            Set<Integer> factPartitions =
                    inventory.typed(EventTypes.CART_CYCLE_COMPLETED, CartCycleCompleted.class).stream()
                            .filter(fact -> fact.value().cartId().equals(CART)
                                    && fact.value().tenantId().equals(TENANT))
                            .map(TopicTap.Typed::partition)
                            .collect(Collectors.toSet());
            Set<Integer> verdictPartitions =
                    results.typed(EventTypes.CART_CYCLE_VERIFIED, CartCycleVerified.class).stream()
                            .filter(verdict -> verdict.value().cartId().equals(CART)
                                    && verdict.value().tenantId().equals(TENANT))
                            .peek(verdict ->
                                    assertThat(verdict.value().partition()).isEqualTo(verdict.partition()))
                            .map(TopicTap.Typed::partition)
                            .collect(Collectors.toSet());
            assertThat(factPartitions).as("a cycle fact on every partition").hasSizeGreaterThan(1);
            assertThat(verdictPartitions)
                    .as("a verdict on each partition of a fact")
                    .isEqualTo(factPartitions);

            JsonNode lastCycle = system.get("/tenants/" + TENANT + "/carts/" + CART + "/product-sync/summary")
                    .path("lastCycle");
            assertThat(Instant.parse(lastCycle.path("cycleAt").asString())).isAfterOrEqualTo(datesSeen.get(2));
            assertThat(Instant.parse(lastCycle.path("completedAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(lastCycle.path("cycleAt").asString()));
        }
    }

    private Instant syncDate(String sku) {
        return Instant.parse(
                system.row(TENANT, CART, sku).path("lastCartSyncDate").asString());
    }

    private static int skuRecords(TopicTap<?> inventory) {
        return List.of("A", "B", "C").stream()
                .mapToInt(sku ->
                        inventory.recordsFor(TENANT + "/" + CART + "/" + sku).size())
                .sum();
    }
}
