package io.productsync.matcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kafka Streams service that decides the sync of every cart SKU. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncMatcherApplication {

    /**
     * Kafka Streams' application id: consumer group, transactional id and internal topic prefix. "-v3" since the
     * SKU-partitioned topology (issue 7; "-v2" was cart-partitioned, the first id's foreign-key joins): its stores
     * hold other keys per partition, so an upgraded deployment must rebuild them from the inputs' beginning rather than
     * resume the old topology's offsets; a new id does exactly that. The old ids' internal topics can then be deleted.
     */
    public static final String APPLICATION_ID = "sync-matcher-v3";

    /** Reads {@code sync-matcher.yml}, so several services can share one JVM without their configs colliding. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SyncMatcherApplication.class).properties("spring.config.name=sync-matcher");
    }

    /**
     * The standalone matcher: a Streams client that failed for good exits the JVM with 1, so an orchestrator restarts
     * it (the launcher, whose JVM also serves the other services, does not set this).
     */
    public static void main(String[] args) {
        builder().properties("productsync.matcher.exit-on-streams-error=true").run(args);
    }
}
