package io.productsync.events;

/** The two kinds of inventory source the poller reads: a cart or a WMS. */
public enum SourceKind {
    CART,
    WMS;

    /** The lowercase token used in {@link SourceKey}s. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SourceKind ofToken(String token) {
        for (SourceKind kind : values()) {
            if (kind.token().equals(token)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("source kind '" + token + "' must be 'cart' or 'wms'");
    }
}
