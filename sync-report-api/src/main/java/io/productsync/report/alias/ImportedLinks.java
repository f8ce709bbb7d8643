package io.productsync.report.alias;

import io.productsync.report.alias.AliasReadModel.AliasLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The aliases an import is checked against: those of the read model that its names touch, with each accepted line of
 * the file applied on top, so line 3 is checked as if lines 1 and 2 were already stored (as PUTs in that order would
 * be).
 */
final class ImportedLinks implements AliasLinks {

    private final Map<String, AliasView> byAlias;
    private final Map<String, TreeSet<String>> pointingAt = new HashMap<>();

    ImportedLinks(Map<String, AliasView> existing) {
        this.byAlias = new HashMap<>(existing);
        existing.values().forEach(view -> pointers(view.wmsSku()).add(view.alias()));
    }

    AliasView current(String alias) {
        return byAlias.get(alias);
    }

    void accept(AliasView view) {
        AliasView before = byAlias.put(view.alias(), view);
        if (before != null) {
            pointers(before.wmsSku()).remove(before.alias());
        }
        pointers(view.wmsSku()).add(view.alias());
    }

    @Override
    public List<AliasLink> chainingWith(String alias, String wmsSku) {
        List<AliasLink> links = new ArrayList<>();
        AliasView target = byAlias.get(wmsSku);
        if (target != null && !wmsSku.equals(alias)) {
            links.add(new AliasLink(target.alias(), target.wmsSku()));
        }
        pointingAt.getOrDefault(alias, new TreeSet<>()).stream()
                .filter(other -> !other.equals(alias))
                .limit(5)
                .forEach(other -> links.add(new AliasLink(other, alias)));
        return links;
    }

    private TreeSet<String> pointers(String wmsSku) {
        return pointingAt.computeIfAbsent(wmsSku, sku -> new TreeSet<>());
    }
}
