package io.productsync.report.alias;

/**
 * One data line of an alias file as written, before any rule is applied.
 *
 * @param line    its line number in the file (the header is line 1)
 * @param problem why the line could not even be split into its three fields, else null
 */
public record AliasCsvLine(int line, String alias, String wmsSku, String kind, String problem) {}
