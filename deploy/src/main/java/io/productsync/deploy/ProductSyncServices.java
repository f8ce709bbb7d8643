package io.productsync.deploy;

import io.productsync.matcher.SyncMatcherApplication;
import io.productsync.poller.InventoryPollerApplication;
import io.productsync.report.SyncReportApplication;
import io.productsync.report.security.LocalAdmin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * The three services, each in its own Spring context so they share nothing but the JVM. Each topic is declared by its
 * writer, and the matcher waits at start (bounded) for its four inputs, so the writers of those start first: the
 * report (product-aliases), the poller (cart-inventory, wms-inventory, cart-connections), then the matcher. The
 * poller's push listener and the report's listeners wait for the matcher's topics. Closed in reverse order.
 */
public final class ProductSyncServices implements AutoCloseable {

    public static final String REPORT = "sync-report-api";
    public static final String MATCHER = "sync-matcher";
    public static final String POLLER = "inventory-poller";
    /** In start order. */
    public static final List<String> ALL = List.of(REPORT, POLLER, MATCHER);

    private static final Map<String, Supplier<SpringApplicationBuilder>> BUILDERS = Map.of(
            REPORT, SyncReportApplication::builder,
            MATCHER, SyncMatcherApplication::builder,
            POLLER, InventoryPollerApplication::builder);

    /** By service, in start order. */
    private final Map<String, ConfigurableApplicationContext> contexts;

    private ProductSyncServices(Map<String, ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * {@code properties} (where the launcher's broker and database are) override the services' own configuration
     * files; command-line {@code args} override both.
     */
    public static ProductSyncServices start(Set<String> services, Map<String, Object> properties, String... args) {
        return start(services, properties, Map.of(), args);
    }

    /**
     * As above, and each service named in {@code perService} also gets its own properties (the private keyset goes to
     * the poller alone).
     */
    public static ProductSyncServices start(
            Set<String> services,
            Map<String, Object> properties,
            Map<String, Map<String, Object>> perService,
            String... args) {
        Map<String, ConfigurableApplicationContext> started = new LinkedHashMap<>();
        try {
            for (String service : ALL) {
                if (services.contains(service)) {
                    started.put(
                            service,
                            BUILDERS.get(service)
                                    .get()
                                    .bannerMode(Banner.Mode.OFF)
                                    // Closing is ordered by the launcher: services first, then the broker and database.
                                    .registerShutdownHook(false)
                                    .initializers(
                                            overriding(with(properties, perService.getOrDefault(service, Map.of()))))
                                    .initializers(service.equals(POLLER) ? ownPort() : context -> {})
                                    .initializers(service.equals(REPORT) ? context -> {} : noUserSecurity())
                                    .run(args));
                }
            }
        } catch (RuntimeException e) {
            new ProductSyncServices(started).close();
            throw e;
        }
        return new ProductSyncServices(started);
    }

    private static Map<String, Object> with(Map<String, Object> shared, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(shared);
        properties.putAll(own);
        return properties;
    }

    private static ApplicationContextInitializer<ConfigurableApplicationContext> overriding(
            Map<String, Object> properties) {
        return context -> {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource launcher = new MapPropertySource("productsync-launcher", properties);
            if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, launcher);
            } else {
                sources.addFirst(launcher);
            }
        };
    }

    /**
     * {@code server.port} (command line or launcher) is the report API's; the poller's webhook endpoint listens on
     * {@code productsync.poller.port} (default 8081) instead, so one JVM never binds one port twice.
     */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> ownPort() {
        return context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "productsync-poller-port", Map.of("server.port", "${productsync.poller.port:8081}")));
    }

    /**
     * In one JVM every service sees the report's Spring Security and Actuator jars; only the report uses them. The
     * poller's one endpoint is the vendors' webhook (signature only) and its port may be public, so it gets neither
     * Boot's default login nor an actuator endpoint; the matcher serves no HTTP.
     */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> noUserSecurity() {
        String autoconfigure = "org.springframework.boot.security.autoconfigure.";
        return context -> {
            ConfigurableEnvironment environment = context.getEnvironment();
            // Added to the service's own exclusions (a list in its configuration file), which this source replaces.
            List<String> excluded = new ArrayList<>(List.of(Binder.get(environment)
                    .bind("spring.autoconfigure.exclude", String[].class)
                    .orElse(new String[0])));
            excluded.addAll(List.of(
                    autoconfigure + "SecurityAutoConfiguration",
                    autoconfigure + "UserDetailsServiceAutoConfiguration",
                    autoconfigure + "web.servlet.SecurityFilterAutoConfiguration",
                    autoconfigure + "web.servlet.ServletWebSecurityAutoConfiguration",
                    autoconfigure + "actuate.web.servlet.ManagementWebSecurityAutoConfiguration"));
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "productsync-report-only",
                            Map.of(
                                    "spring.autoconfigure.exclude",
                                    String.join(",", excluded),
                                    "management.endpoints.web.exposure.exclude",
                                    "*")));
        };
    }

    /** The port the report API listens on (useful with {@code --server.port=0}). */
    public int reportPort() {
        return port(REPORT);
    }

    /**
     * The operator's password if the report generated it on this start (its first on this database), for the one
     * banner that shows it; empty on every later call and start, and without the report.
     */
    public Optional<String> generatedOperatorPassword() {
        ConfigurableApplicationContext report = contexts.get(REPORT);
        return report == null
                ? Optional.empty()
                : report.getBean(LocalAdmin.class).takeGeneratedPassword();
    }

    /** The port the poller's webhook endpoint listens on (useful with {@code --productsync.poller.port=0}). */
    public int pollerPort() {
        return port(POLLER);
    }

    private int port(String service) {
        ConfigurableApplicationContext context = contexts.get(service);
        if (context == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(contexts.values());
        Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
    }
}
