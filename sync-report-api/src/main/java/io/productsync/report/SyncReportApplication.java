package io.productsync.report;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Materializes sync-results into PostgreSQL and serves the View Product Sync table. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncReportApplication {

    /** Own config name, so several services can run in one JVM without their config files colliding. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SyncReportApplication.class)
                .properties("spring.config.name=sync-report-api");
    }

    /** Alias changes are stamped with this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
