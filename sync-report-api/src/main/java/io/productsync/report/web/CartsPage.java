package io.productsync.report.web;

import io.productsync.report.connection.CartConnectionView;
import io.productsync.report.connection.CartConnections;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncSummary;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A tenant's carts, each with its connection, its counts and the way to its View Product Sync page. */
@Controller
class CartsPage {

    private final CartConnections carts;
    private final ProductSyncQueries queries;
    private final KnownScope scope;
    private final String homeTenant;

    CartsPage(
            CartConnections carts,
            ProductSyncQueries queries,
            KnownScope scope,
            @Value("${productsync.report.home-tenant:demo}") String homeTenant) {
        this.carts = carts;
        this.queries = queries;
        this.scope = scope;
        this.homeTenant = homeTenant;
    }

    /** One cart of the page. */
    record CartRow(CartConnectionView cart, SyncSummary counts, String url) {}

    /** The local run's landing page is its demo tenant's carts. */
    @GetMapping("/")
    String home() {
        return "redirect:/tenants/" + homeTenant;
    }

    @GetMapping("/tenants/{tenantId}")
    String carts(@PathVariable String tenantId, Model model) {
        scope.tenant(tenantId);
        List<CartRow> rows = carts.list(tenantId).stream()
                .map(cart -> new CartRow(
                        cart,
                        queries.summary(tenantId, cart.cartId()),
                        "/tenants/" + tenantId + "/carts/" + cart.cartId() + "/product-sync"))
                .toList();
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("carts", rows);
        return "carts";
    }
}
