package io.productsync.report.web;

import io.productsync.report.cart.KnownCarts;
import org.springframework.stereotype.Component;

/** Checks tenant and cart ids: 400 for a malformed id, 404 for one nobody has configured or reported. */
@Component
class KnownScope {

    private final KnownCarts carts;

    KnownScope(KnownCarts carts) {
        this.carts = carts;
    }

    String tenant(String tenantId) {
        RequestParams.id(tenantId, "tenantId");
        if (!carts.tenantKnown(tenantId)) {
            throw Problems.unknownTenant(tenantId);
        }
        return tenantId;
    }

    void cart(String tenantId, String cartId) {
        cartIds(tenantId, cartId);
        known(tenantId, cartId);
    }

    /** 400 for a malformed tenant or cart id; no query. */
    void cartIds(String tenantId, String cartId) {
        RequestParams.id(tenantId, "tenantId");
        RequestParams.id(cartId, "cartId");
    }

    /** 404 for a cart nobody has configured or reported (ids already checked). */
    void known(String tenantId, String cartId) {
        if (!carts.cartKnown(tenantId, cartId)) {
            String known = carts.tenantKnown(tenantId)
                    ? "tenant '" + tenantId + "' has no cart '" + cartId + "'"
                    : "tenant '" + tenantId + "' is not known";
            throw Problems.notFound(known + ": check the ids or connect the cart first");
        }
    }
}
