package io.productsync.poller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Polls carts and WMSes into Kafka snapshots and applies the quantity pushes the matcher asks for. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InventoryPollerApplication {

    /** Its own config name, so several services can start in one JVM without reading each other's files. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(InventoryPollerApplication.class)
                .properties("spring.config.name=inventory-poller");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
