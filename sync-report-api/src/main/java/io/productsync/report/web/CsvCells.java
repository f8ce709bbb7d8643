package io.productsync.report.web;

/**
 * One CSV cell as RFC 4180 writes it, made safe to open in a spreadsheet: text that starts with {@code = + - @}, a tab
 * or a carriage return would be read as a formula, so it gets a leading single quote (OWASP's advice for CSV
 * injection); then a cell holding a comma, a double quote or a line break is quoted, its quotes doubled.
 */
final class CsvCells {

    private CsvCells() {}

    /** Text from outside (SKUs, the cart's messages); null is an empty cell. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        return needsQuotes(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
