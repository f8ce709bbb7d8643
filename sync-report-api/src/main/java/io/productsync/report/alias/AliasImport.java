package io.productsync.report.alias;

import io.productsync.events.ProductAliasChanged;
import io.productsync.events.Topics;
import io.productsync.report.alias.ImportLine.Action;
import io.productsync.report.system.EventPublisher;
import io.productsync.report.system.EventPublisher.Keyed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Imports the lines of an alias file: each line passes {@link AliasRules}, as a PUT of it would, checked against the
 * read model and the file's earlier accepted lines (one query for the whole file). A preview publishes nothing;
 * applying checks again (the aliases may have changed since the preview) and publishes the added and changed lines.
 */
@Component
public class AliasImport {

    private final AliasReadModel aliases;
    private final EventPublisher events;
    private final Clock clock;

    AliasImport(AliasReadModel aliases, EventPublisher events, Clock clock) {
        this.aliases = aliases;
        this.events = events;
        this.clock = clock;
    }

    public ImportReport preview(String tenantId, List<AliasCsvLine> lines) {
        return ImportReport.of(false, check(tenantId, lines, clock.instant()).lines());
    }

    /** Publishes the lines that pass; refused lines are reported, never published. */
    public ImportReport apply(String tenantId, List<AliasCsvLine> lines) {
        Checked checked = check(tenantId, lines, clock.instant());
        events.publishAll(
                Topics.PRODUCT_ALIASES,
                checked.changes().stream()
                        .map(change -> new Keyed<>(change.key().value(), change))
                        .toList());
        return ImportReport.of(true, checked.lines());
    }

    private record Checked(List<ImportLine> lines, List<ProductAliasChanged> changes) {}

    private Checked check(String tenantId, List<AliasCsvLine> lines, Instant now) {
        Set<String> names = new HashSet<>();
        for (AliasCsvLine line : lines) {
            if (line.problem() == null) {
                names.add(line.alias());
                names.add(line.wmsSku());
            }
        }
        ImportedLinks links = new ImportedLinks(aliases.among(tenantId, names));
        Map<String, Integer> lineOfAlias = new HashMap<>();
        List<ImportLine> checked = new ArrayList<>(lines.size());
        List<ProductAliasChanged> changes = new ArrayList<>();
        for (AliasCsvLine line : lines) {
            String refusal = line.problem();
            ProductAliasChanged change = null;
            if (refusal == null && lineOfAlias.containsKey(line.alias())) {
                refusal = "alias '" + line.alias() + "' is already on line " + lineOfAlias.get(line.alias())
                        + ": give each alias one line";
            }
            if (refusal == null) {
                try {
                    change = AliasRules.change(tenantId, line.alias(), line.wmsSku(), line.kind(), now, links);
                } catch (IllegalArgumentException e) {
                    refusal = e.getMessage();
                }
            }
            if (refusal != null) {
                checked.add(
                        new ImportLine(line.line(), line.alias(), line.wmsSku(), line.kind(), Action.REFUSE, refusal));
                continue;
            }
            lineOfAlias.put(line.alias(), line.line());
            AliasView before = links.current(line.alias());
            Action action = before == null
                    ? Action.ADD
                    : before.wmsSku().equals(change.wmsSku()) && before.kind() == change.kind()
                            ? Action.UNCHANGED
                            : Action.CHANGE;
            links.accept(new AliasView(change.alias(), change.wmsSku(), change.kind(), now));
            if (action != Action.UNCHANGED) {
                changes.add(change);
            }
            checked.add(new ImportLine(line.line(), line.alias(), line.wmsSku(), line.kind(), action, null));
        }
        return new Checked(checked, changes);
    }
}
