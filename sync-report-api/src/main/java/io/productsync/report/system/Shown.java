package io.productsync.report.system;

/** A value echoed in a message: long ones cut, control characters escaped, so the message stays readable. */
public final class Shown {

    private Shown() {}

    public static String value(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
