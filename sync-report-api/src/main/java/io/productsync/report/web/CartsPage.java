package io.productsync.report.web;

import io.productsync.report.cart.KnownCarts;
import io.productsync.report.connection.CartConnectionView;
import io.productsync.report.connection.CartConnections;
import io.productsync.report.security.ApiKeys;
import io.productsync.report.security.NewApiKey;
import io.productsync.report.security.TenantGrants;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncSummary;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant's page: its carts, each with its connection, its counts and the way to its View Product Sync page, and for
 * its admins the tenant's API keys (create, revoke).
 */
@Controller
class CartsPage {

    private final CartConnections carts;
    private final ProductSyncQueries queries;
    private final KnownScope scope;
    private final KnownCarts known;
    private final ApiKeys apiKeys;

    CartsPage(CartConnections carts, ProductSyncQueries queries, KnownScope scope, KnownCarts known, ApiKeys apiKeys) {
        this.carts = carts;
        this.queries = queries;
        this.scope = scope;
        this.known = known;
        this.apiKeys = apiKeys;
    }

    /** One cart of the page. */
    record CartRow(CartConnectionView cart, SyncSummary counts, String url) {}

    /** The tenants the caller may see; with one (the local run's demo, a tenant's own user), its carts at once. */
    @GetMapping("/")
    String home(Model model) {
        TenantGrants grants = TenantGrants.current();
        List<String> tenants = known.tenants().stream().filter(grants::sees).toList();
        if (tenants.size() == 1) {
            return "redirect:/tenants/" + tenants.get(0);
        }
        model.addAttribute("tenants", tenants);
        return "tenants";
    }

    @GetMapping("/tenants/{tenantId}")
    String carts(@PathVariable String tenantId, Model model) {
        return page(tenantId, model, null);
    }

    /** A new key is shown on the page that answers its creation, once; it is never kept, not even in the session. */
    @PostMapping("/tenants/{tenantId}/api-keys")
    String createApiKey(
            @PathVariable String tenantId, @RequestParam String name, @RequestParam String role, Model model) {
        scope.tenant(tenantId);
        return page(tenantId, model, apiKeys.create(tenantId, name, role));
    }

    @PostMapping("/tenants/{tenantId}/api-keys/{keyId}/revoke")
    String revokeApiKey(@PathVariable String tenantId, @PathVariable String keyId, RedirectAttributes flash) {
        scope.tenant(tenantId);
        boolean revoked = apiKeys.revoke(tenantId, ApiKeys.keyId(keyId));
        flash.addFlashAttribute("message", revoked ? "The API key is revoked." : "That key was revoked already.");
        return "redirect:/tenants/" + tenantId;
    }

    private String page(String tenantId, Model model, NewApiKey created) {
        scope.tenant(tenantId);
        List<CartRow> rows = carts.list(tenantId).stream()
                .map(cart -> new CartRow(
                        cart,
                        queries.summary(tenantId, cart.cartId()),
                        "/tenants/" + tenantId + "/carts/" + cart.cartId() + "/product-sync"))
                .toList();
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("carts", rows);
        boolean admin = TenantGrants.current().administers(tenantId);
        model.addAttribute("admin", admin);
        model.addAttribute("apiKeys", admin ? apiKeys.list(tenantId) : List.of());
        model.addAttribute("newKey", created);
        return "carts";
    }
}
