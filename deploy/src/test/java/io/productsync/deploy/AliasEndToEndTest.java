package io.productsync.deploy;

import static io.productsync.deploy.DemoEndToEndTest.assertNever;
import static io.productsync.deploy.DemoEndToEndTest.assertSynced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** An alias added through the API re-matches a SKU at once: the poll interval is an hour, so no poll can help. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasEndToEndTest {

    private static final String TENANT = "acme";
    private static final String CART = "acme-shop";

    private Path sandbox;
    private RunningSystem system;

    @BeforeAll
    void startSystem(@TempDir Path workDir) {
        sandbox = workDir.resolve("sandbox");
        SandboxFiles.write(SandboxFiles.cart(sandbox, TENANT, CART), """
                sku,inventory_tracked,product_active,quantity
                BD-2024-RED,true,true,4
                LAMP-01,true,true,2
                """);
        SandboxFiles.write(SandboxFiles.wms(sandbox, TENANT, "east"), """
                sku,available
                BDREAMS-RED,9
                LAMP-01,2
                """);
        system = RunningSystem.start(Infrastructure.shared(), sandbox, workDir.resolve("state"), Duration.ofHours(1));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aliasAddedThroughTheApiSyncsANoMatchSkuWithoutANewPoll() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertNever(system.row(TENANT, CART, "BD-2024-RED"), "NO_WMS_MATCH");
            assertSynced(system.row(TENANT, CART, "LAMP-01"));
        });

        HttpResponse<String> put = system.putAlias(TENANT, "BD-2024-RED", "BDREAMS-RED", "LISTING_SKU");
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 204);

        Path cartCsv = SandboxFiles.cart(sandbox, TENANT, CART);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode row = system.row(TENANT, CART, "BD-2024-RED");
            assertSynced(row);
            assertThat(row.path("matchedVia").asString()).isEqualTo("ALIAS");
            assertThat(row.path("matchedWmsSku").asString()).isEqualTo("BDREAMS-RED");
            assertThat(SandboxFiles.lastColumn(cartCsv, "BD-2024-RED")).isEqualTo("9");
        });
    }
}
