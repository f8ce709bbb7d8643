package io.productsync.report.alias;

import io.productsync.events.AliasKey;
import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import io.productsync.report.system.ReportSettings;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes alias changes to product-aliases and returns only once the broker has stored them. */
@Component
public class AliasPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final ReportSettings settings;

    AliasPublisher(KafkaTemplate<String, Object> kafka, Clock clock, ReportSettings settings) {
        this.kafka = kafka;
        this.clock = clock;
        this.settings = settings;
    }

    /** @throws IllegalArgumentException when the alias or WMS SKU is not acceptable */
    public ProductAliasChanged put(String tenantId, String alias, String wmsSku, AliasKind kind) {
        ProductAliasChanged change = new ProductAliasChanged(tenantId, alias, wmsSku, kind, clock.instant());
        send(change.key(), change);
        return change;
    }

    /** @throws IllegalArgumentException when the alias is not acceptable */
    public void remove(String tenantId, String alias) {
        send(new AliasKey(tenantId, alias), null);
    }

    private void send(AliasKey key, ProductAliasChanged value) {
        try {
            kafka.send(Topics.PRODUCT_ALIASES.name(), key.value(), value)
                    .get(settings.report().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AliasNotStored(key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AliasNotStored(key, e);
        }
    }

    /** The broker did not acknowledge the change in time; the caller may retry. */
    public static final class AliasNotStored extends RuntimeException {
        AliasNotStored(AliasKey key, Exception cause) {
            super("alias change '" + key.value() + "' was not acknowledged by Kafka: " + cause.getMessage(), cause);
        }
    }
}
