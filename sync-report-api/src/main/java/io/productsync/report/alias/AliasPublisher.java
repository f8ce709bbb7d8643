package io.productsync.report.alias;

import io.productsync.events.AliasKey;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import io.productsync.report.system.EventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Publishes alias changes to product-aliases; returns once the broker has stored them. Every change passes
 * {@link AliasRules} against the read model first.
 */
@Component
public class AliasPublisher {

    private final EventPublisher events;
    private final AliasReadModel aliases;
    private final Clock clock;

    AliasPublisher(EventPublisher events, AliasReadModel aliases, Clock clock) {
        this.events = events;
        this.aliases = aliases;
        this.clock = clock;
    }

    /**
     * @param kind one of {@link io.productsync.events.AliasKind}'s names, as the request gave it
     * @throws IllegalArgumentException when the kind, alias or WMS SKU is not acceptable, saying why
     */
    public ProductAliasChanged put(String tenantId, String alias, String wmsSku, String kind) {
        ProductAliasChanged change = AliasRules.change(
                tenantId,
                alias,
                wmsSku,
                kind,
                clock.instant(),
                (newAlias, target) -> aliases.chainingWith(tenantId, newAlias, target));
        events.publish(Topics.PRODUCT_ALIASES, change.key().value(), change);
        return change;
    }

    /** @throws IllegalArgumentException when the alias is not acceptable */
    public void remove(String tenantId, String alias) {
        events.publish(Topics.PRODUCT_ALIASES, new AliasKey(tenantId, alias).value(), null);
    }
}
