package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A cart file cut to its header is a damaged snapshot, not the truth: the table keeps its rows, nothing is tombstoned
 * downstream, the hold is shown by the API, and only a user's confirmation applies the removal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotHoldEndToEndTest {

    private static final String TENANT = "damaged";
    private static final String CART = "shop";
    private static final List<String> SKUS =
            IntStream.rangeClosed(1, 8).mapToObj(i -> "SKU-" + i).toList();
    private static final String HEADER = "sku,inventory_tracked,product_active,quantity\n";

    private Infrastructure infrastructure;
    private RunningSystem system;
    private Path cartCsv;

    @BeforeAll
    void startSystem(@TempDir Path workDir) {
        infrastructure = Infrastructure.shared();
        Path sandbox = workDir.resolve("sandbox");
        cartCsv = SandboxFiles.cart(sandbox, TENANT, CART);
        SandboxFiles.write(
                SandboxFiles.wms(sandbox, TENANT, "main"),
                "sku,available\n"
                        + String.join("", SKUS.stream().map(sku -> sku + ",4\n").toList()));
        SandboxFiles.write(
                cartCsv,
                HEADER
                        + String.join(
                                "",
                                SKUS.stream().map(sku -> sku + ",true,true,4\n").toList()));
        // Held until confirmed, however many cycles pass while the test looks.
        system = RunningSystem.start(
                infrastructure,
                sandbox,
                workDir.resolve("state"),
                Duration.ofSeconds(1),
                Map.of("productsync.poller.removal-guard.release-after-cycles", "1000"));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void keepsTheRowsOfACartFileCutToItsHeaderUntilTheUserConfirmsTheRemoval() {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(verifiedRows()).isEqualTo(SKUS.size()));

        try (TopicTap<SkuSyncEvaluated> results =
                        new TopicTap<>(infrastructure.bootstrapServers(), Topics.SYNC_RESULTS);
                TopicTap<CartInventoryObserved> cart =
                        new TopicTap<>(infrastructure.bootstrapServers(), Topics.CART_INVENTORY)) {
            SandboxFiles.write(cartCsv, HEADER);

            // Several cycles see the empty file; each is held.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode hold = onlyHold();
                assertThat(hold.path("sourceKind").asString()).isEqualTo("cart");
                assertThat(hold.path("sourceId").asString()).isEqualTo(CART);
                assertThat(hold.path("reason").asString()).isEqualTo("EMPTY_SNAPSHOT");
                assertThat(hold.path("missingSkus").asLong()).isEqualTo(SKUS.size());
                assertThat(hold.path("heldCycles").asInt()).isGreaterThanOrEqualTo(3);
            });
            assertThat(system.get("/tenants/" + TENANT + "/snapshot-holds").path("items"))
                    .hasSize(1);
            assertThat(verifiedRows()).isEqualTo(SKUS.size());
            for (String sku : SKUS) {
                String key = TENANT + "/" + CART + "/" + sku;
                assertThat(results.valuesFor(key)).as("results of %s", key).doesNotContainNull();
                assertThat(cart.valuesFor(key)).as("observations of %s", key).doesNotContainNull();
            }

            assertThat(system.post("/tenants/" + TENANT + "/snapshot-holds/cart/" + CART + "/confirm")
                            .statusCode())
                    .isEqualTo(202);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(system.rows(TENANT, CART)).isEmpty();
                assertThat(summary().path("snapshotHolds")).isEmpty();
            });
            String first = TENANT + "/" + CART + "/" + SKUS.get(0);
            assertThat(results.valuesFor(first)).last().isNull();
            assertThat(cart.valuesFor(first)).last().isNull();
        }
    }

    private long verifiedRows() {
        JsonNode rows = system.rows(TENANT, CART);
        if (rows == null) {
            return 0;
        }
        return rows.valueStream()
                .filter(row -> Objects.equals(row.path("outcome").asString(), "VERIFIED"))
                .count();
    }

    private JsonNode onlyHold() {
        JsonNode holds = summary().path("snapshotHolds");
        assertThat(holds).hasSize(1);
        return holds.get(0);
    }

    private JsonNode summary() {
        return system.get("/tenants/" + TENANT + "/carts/" + CART + "/product-sync/summary");
    }
}
