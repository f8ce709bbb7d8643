package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.productsync.events.SkuSyncEvaluated;
import io.productsync.events.SyncOutcome;
import io.productsync.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The demo of the README, end to end: sandbox files -> poller -> matcher -> cart push -> report table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEndToEndTest {

    private static final String TENANT = DemoSandbox.TENANT;
    private static final String CART = DemoSandbox.CART;

    private Path sandbox;
    private Infrastructure infrastructure;
    private RunningSystem system;

    @BeforeAll
    void startSystem(@TempDir Path workDir) {
        infrastructure = Infrastructure.shared();
        sandbox = workDir.resolve("sandbox");
        assertThat(DemoSandbox.seedFiles(sandbox)).isTrue();
        system = RunningSystem.start(infrastructure, sandbox, workDir.resolve("state"), Duration.ofSeconds(1));
        DemoSandbox.publishAlias(infrastructure.bootstrapServers());
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void showsTheTableOfTheHelpArticle() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertSynced(system.row(TENANT, CART, "234567891"));
            assertNever(system.row(TENANT, CART, "BDreams"), "NO_WMS_MATCH");
            JsonNode giftCard = system.row(TENANT, CART, "GIFT-CARD-50");
            assertNever(giftCard, "INVENTORY_DISABLED");
            assertThat(giftCard.path("inventoryEnabled").asBoolean()).isFalse();
            JsonNode mug = system.row(TENANT, CART, "012345678905");
            assertSynced(mug);
            assertThat(mug.path("matchedVia").asString()).isEqualTo("ALIAS");
            assertThat(mug.path("matchedWmsSku").asString()).isEqualTo("MUG-BLUE");
        });

        JsonNode summary = system.get("/tenants/" + TENANT + "/carts/" + CART + "/product-sync/summary");
        assertThat(summary.path("total").asInt()).isEqualTo(5);
    }

    @Test
    void pushesTheSkuWhoseQuantityDiffersOnTheFirstCycle() {
        Path cartCsv = SandboxFiles.cart(sandbox, TENANT, CART);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(SandboxFiles.lastColumn(cartCsv, "TSHIRT-RED-M")).isEqualTo("12");
            JsonNode shirt = system.row(TENANT, CART, "TSHIRT-RED-M");
            assertSynced(shirt);
            assertThat(shirt.path("wmsQuantity").asLong()).isEqualTo(12);
        });
    }

    @Test
    void carriesAWmsEditToTheCartThenVerifiesItOnTheNextCycle() {
        String key = TENANT + "/" + CART + "/234567891";
        try (TopicTap<SkuSyncEvaluated> results =
                new TopicTap<>(infrastructure.bootstrapServers(), Topics.SYNC_RESULTS)) {
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertSynced(system.row(TENANT, CART, "234567891")));
            Instant edited = Instant.now();

            SandboxFiles.setLastColumn(SandboxFiles.wms(sandbox, TENANT, DemoSandbox.WMS), "234567891", "31");

            Path cartCsv = SandboxFiles.cart(sandbox, TENANT, CART);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(SandboxFiles.lastColumn(cartCsv, "234567891")).isEqualTo("31");
                List<SkuSyncEvaluated> sinceEdit = results.valuesFor(key).stream()
                        .filter(result -> result != null && result.evaluatedAt().isAfter(edited))
                        .toList();
                int updated = indexOf(sinceEdit, SyncOutcome.UPDATED, 31);
                assertThat(updated)
                        .as("an UPDATED result pushing 31 in %s", sinceEdit)
                        .isNotNegative();
                assertThat(sinceEdit.subList(updated + 1, sinceEdit.size()))
                        .as("a VERIFIED result on a later cycle")
                        .anyMatch(result -> result.outcome() == SyncOutcome.VERIFIED && result.cartQuantity() == 31);
                JsonNode row = system.row(TENANT, CART, "234567891");
                assertThat(row.path("outcome").asString()).isEqualTo("VERIFIED");
                assertThat(row.path("cartQuantity").asLong()).isEqualTo(31);
                assertThat(Instant.parse(row.path("lastCartSyncDate").asString()))
                        .isAfter(edited);
            });
        }
    }

    @Test
    void dropsTheRowOfASkuRemovedFromTheCartFile() {
        Path cartCsv = SandboxFiles.cart(sandbox, "shrinking", "shop");
        SandboxFiles.write(SandboxFiles.wms(sandbox, "shrinking", "main"), """
                sku,available
                KEEP,3
                DROP,5
                """);
        SandboxFiles.write(cartCsv, """
                sku,inventory_tracked,product_active,quantity
                KEEP,true,true,3
                DROP,true,true,5
                """);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertSynced(system.row("shrinking", "shop", "KEEP"));
            assertSynced(system.row("shrinking", "shop", "DROP"));
        });

        SandboxFiles.write(cartCsv, """
                sku,inventory_tracked,product_active,quantity
                KEEP,true,true,3
                """);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(system.row("shrinking", "shop", "DROP"))
                    .as("row of the removed SKU")
                    .isNull();
            assertSynced(system.row("shrinking", "shop", "KEEP"));
        });
    }

    private static int indexOf(List<SkuSyncEvaluated> results, SyncOutcome outcome, long pushed) {
        for (int i = 0; i < results.size(); i++) {
            SkuSyncEvaluated result = results.get(i);
            if (result.outcome() == outcome && result.pushedQuantity() != null && result.pushedQuantity() == pushed) {
                return i;
            }
        }
        return -1;
    }

    static void assertSynced(JsonNode row) {
        assertThat(row).as("row").isNotNull();
        assertThat(row.path("lastCartSyncDate").isNull()).as("NEVER in %s", row).isFalse();
        assertThat(row.path("outcome").asString()).isIn("UPDATED", "VERIFIED");
    }

    static void assertNever(JsonNode row, String reason) {
        assertThat(row).as("row").isNotNull();
        assertThat(row.path("lastCartSyncDate").isNull()).as("NEVER in %s", row).isTrue();
        assertThat(row.path("outcome").asString()).isEqualTo("NOT_SYNCED");
        assertThat(row.path("reason").asString()).isEqualTo(reason);
    }
}
