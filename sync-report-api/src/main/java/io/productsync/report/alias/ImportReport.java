package io.productsync.report.alias;

import java.util.List;

/**
 * What an import adds, changes, leaves as it is and refuses, line by line in file order.
 *
 * @param applied false for a preview (nothing was published), true once the added and changed lines are published
 */
public record ImportReport(
        boolean applied, int added, int changed, int unchanged, int refused, List<ImportLine> lines) {

    static ImportReport of(boolean applied, List<ImportLine> lines) {
        return new ImportReport(
                applied,
                count(lines, ImportLine.Action.ADD),
                count(lines, ImportLine.Action.CHANGE),
                count(lines, ImportLine.Action.UNCHANGED),
                count(lines, ImportLine.Action.REFUSE),
                lines);
    }

    public List<ImportLine> only(ImportLine.Action action) {
        return lines.stream().filter(line -> line.action() == action).toList();
    }

    private static int count(List<ImportLine> lines, ImportLine.Action action) {
        return (int) lines.stream().filter(line -> line.action() == action).count();
    }
}
