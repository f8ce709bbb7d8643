package io.productsync.report.wmssku;

import java.util.Locale;

/**
 * A SKU as people mistype it: without case, white space, dashes and leading zeros, so {@code bd-reams 0042} and
 * {@code BDREAMS42} are the same loose SKU.
 */
final class LooseSku {

    private LooseSku() {}

    static String of(String sku) {
        StringBuilder loose = new StringBuilder(sku.length());
        sku.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '\u2010' && c != '\u2013') {
                loose.appendCodePoint(c);
            }
        });
        int zeros = 0;
        while (zeros < loose.length() - 1 && loose.charAt(zeros) == '0') {
            zeros++;
        }
        return loose.substring(zeros);
    }
}
