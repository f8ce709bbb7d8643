package io.productsync.deploy;

import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo tenant of the local run, reproducing the View Product Sync help article: {@code 234567891} synced,
 * {@code BDreams} NEVER because the WMS lacks it, {@code GIFT-CARD-50} NEVER because the cart does not track its
 * inventory, {@code 012345678905} matched through a UPC alias, and {@code TSHIRT-RED-M} pushed on the first cycle.
 */
public final class DemoSandbox {

    public static final String TENANT = "demo";
    public static final String CART = "demo-shop";
    public static final String WMS = "main";

    static final String CART_CSV = """
            sku,inventory_tracked,product_active,quantity
            234567891,true,true,25
            BDreams,true,true,4
            GIFT-CARD-50,false,true,0
            012345678905,true,true,40
            TSHIRT-RED-M,true,true,7
            """;

    static final String WMS_CSV = """
            sku,available
            234567891,25
            MUG-BLUE,40
            TSHIRT-RED-M,12
            GIFT-CARD-50,100
            """;

    private DemoSandbox() {}

    /** Writes the demo tenant's files unless the sandbox already exists; returns whether it wrote them. */
    public static boolean seedFiles(Path sandboxDir) {
        if (Files.exists(sandboxDir)) {
            return false;
        }
        try {
            Path tenant = sandboxDir.resolve(TENANT);
            Files.createDirectories(tenant.resolve("carts"));
            Files.createDirectories(tenant.resolve("wms"));
            Files.writeString(tenant.resolve("carts").resolve(CART + ".csv"), CART_CSV);
            Files.writeString(tenant.resolve("wms").resolve(WMS + ".csv"), WMS_CSV);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo sandbox in " + sandboxDir, e);
        }
    }

    /** Published once per data directory, as a user would with {@code PUT /api/v1/tenants/demo/aliases/012345678905}. */
    public static void publishAlias(String bootstrapServers) {
        ProductAliasChanged alias = alias(Instant.now());
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, ProductAliasChanged> producer = new KafkaProducer<>(
                config,
                Topics.PRODUCT_ALIASES.keySerde().serializer(),
                Topics.PRODUCT_ALIASES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.PRODUCT_ALIASES.name(), alias.key().value(), alias))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the demo alias", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish the demo alias", e.getCause());
        }
    }

    /** The cart lists the mug by its UPC; the WMS knows it as MUG-BLUE. */
    public static ProductAliasChanged alias(Instant now) {
        return new ProductAliasChanged(TENANT, "012345678905", "MUG-BLUE", AliasKind.UPC, now);
    }
}
