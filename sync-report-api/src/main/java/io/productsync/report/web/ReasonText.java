package io.productsync.report.web;

import io.productsync.events.SyncReason;

/** What a reason is called on the pages, and the one thing to do about it. */
enum ReasonText {
    SYNC_DISABLED("Sync off", "Turn cart sync and WMS sync on for this cart."),
    INVENTORY_DISABLED("Inventory not tracked", "Turn on inventory tracking for this product in the cart."),
    PRODUCT_DISABLED("Product disabled", "Make the product active in the cart (it is a draft or archived)."),
    NO_WMS_MATCH("No WMS match", "Create an alias that maps this SKU to the SKU the WMS uses for the product."),
    CART_REJECTED("Cart rejected", "The cart refused the change:"),
    DUPLICATE_CART_SKU("Duplicate SKU in cart", "Give each product listing its own SKU in the cart.");

    private final String label;
    private final String fix;

    ReasonText(String label, String fix) {
        this.label = label;
        this.fix = fix;
    }

    static ReasonText of(SyncReason reason) {
        return valueOf(reason.name());
    }

    String label() {
        return label;
    }

    String fix() {
        return fix;
    }
}
