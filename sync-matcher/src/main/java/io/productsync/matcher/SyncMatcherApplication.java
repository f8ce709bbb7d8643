package io.productsync.matcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kafka Streams service that decides the sync of every cart SKU. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncMatcherApplication {

    /** Reads {@code sync-matcher.yml}, so several services can share one JVM without their configs colliding. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SyncMatcherApplication.class).properties("spring.config.name=sync-matcher");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
