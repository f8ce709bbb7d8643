package io.productsync.report.alias;

/**
 * What an import does with one line of the file.
 *
 * @param reason why a refused line is refused (the same words a PUT would answer), else null
 */
public record ImportLine(int line, String alias, String wmsSku, String kind, Action action, String reason) {

    public enum Action {
        ADD,
        CHANGE,
        UNCHANGED,
        REFUSE
    }
}
