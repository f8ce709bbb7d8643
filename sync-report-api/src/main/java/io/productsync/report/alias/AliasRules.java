package io.productsync.report.alias;

import io.productsync.events.AliasKind;
import io.productsync.events.ProductAliasChanged;
import io.productsync.report.alias.AliasReadModel.AliasLink;
import io.productsync.report.system.Shown;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one set of rules an alias change passes, whether it comes from a PUT, the page's form or a line of an imported
 * file. An alias resolves in one hop (the matcher looks it up once), so an alias may not point at itself, at another
 * alias, or be the target of one.
 */
final class AliasRules {

    static final String KINDS =
            Arrays.stream(AliasKind.values()).map(Enum::name).collect(Collectors.joining(", "));

    private AliasRules() {}

    /**
     * The change, checked: its kind, alias and WMS SKU (the event's own rules), then the one-hop rule.
     *
     * @throws IllegalArgumentException saying what to fix
     */
    static ProductAliasChanged change(
            String tenantId, String alias, String wmsSku, String kind, Instant changedAt, AliasLinks links) {
        ProductAliasChanged change = new ProductAliasChanged(tenantId, alias, wmsSku, kind(kind), changedAt);
        refuseChains(alias, wmsSku, links);
        return change;
    }

    static AliasKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind is required, one of " + KINDS);
        }
        try {
            return AliasKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind '" + Shown.value(kind) + "' is not one of " + KINDS);
        }
    }

    private static void refuseChains(String alias, String wmsSku, AliasLinks links) {
        if (alias.equals(wmsSku)) {
            throw new IllegalArgumentException("alias '" + alias + "' points to itself: a SKU that is the same in the "
                    + "cart and the WMS needs no alias");
        }
        List<AliasLink> chained = links.chainingWith(alias, wmsSku);
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
