package io.productsync.report.alias;

import io.productsync.events.AliasKey;
import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import io.productsync.report.alias.AliasReadModel.AliasLink;
import io.productsync.report.system.EventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Publishes alias changes to product-aliases; returns once the broker has stored them. An alias resolves in one hop
 * (the matcher looks it up once), so an alias may not point at itself, at another alias, or be the target of one.
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

    /** @throws IllegalArgumentException when the alias or WMS SKU is not acceptable, saying why */
    public ProductAliasChanged put(String tenantId, String alias, String wmsSku, AliasKind kind) {
        ProductAliasChanged change = new ProductAliasChanged(tenantId, alias, wmsSku, kind, clock.instant());
        refuseChains(tenantId, alias, wmsSku);
        events.publish(Topics.PRODUCT_ALIASES, change.key().value(), change);
        return change;
    }

    /** @throws IllegalArgumentException when the alias is not acceptable */
    public void remove(String tenantId, String alias) {
        events.publish(Topics.PRODUCT_ALIASES, new AliasKey(tenantId, alias).value(), null);
    }

    private void refuseChains(String tenantId, String alias, String wmsSku) {
        if (alias.equals(wmsSku)) {
            throw new IllegalArgumentException("alias '" + alias + "' points to itself: a SKU that is the same in the "
                    + "cart and the WMS needs no alias");
        }
        List<AliasLink> chained = aliases.chainingWith(tenantId, alias, wmsSku);
        for (AliasLink link : chained) {
            if (link.alias().equals(wmsSku) && link.wmsSku().equals(alias)) {
                throw new IllegalArgumentException("'" + alias + "' -> '" + wmsSku + "' would make a cycle: '" + wmsSku
                        + "' is already an alias of '" + alias + "'");
            }
            if (link.alias().equals(wmsSku)) {
                throw new IllegalArgumentException("wmsSku '" + wmsSku + "' is itself an alias (of '" + link.wmsSku()
                        + "'): aliases resolve in one hop, so point '" + alias + "' at '" + link.wmsSku()
                        + "' directly");
            }
        }
        if (!chained.isEmpty()) {
            String pointing =
                    chained.stream().map(link -> "'" + link.alias() + "'").collect(Collectors.joining(", "));
            throw new IllegalArgumentException("'" + alias + "' is the wmsSku of alias " + pointing
                    + ": aliases resolve in one hop, so it cannot become an alias itself; point those aliases at '"
                    + wmsSku + "' first");
        }
    }
}
