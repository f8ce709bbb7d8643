package io.productsync.report.web;

import io.productsync.events.ProductAliasChanged;
import io.productsync.report.alias.AliasPublisher;
import io.productsync.report.alias.AliasReadModel;
import io.productsync.report.alias.AliasSearch;
import io.productsync.report.alias.AliasView;
import io.productsync.report.system.KeysetPage;
import io.productsync.report.wmssku.WmsSkuSuggestions;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Aliases of one tenant. Changes go to product-aliases and are answered 202 once Kafka has stored them; the list is
 * the read model, which shows them as soon as this service has consumed them back.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/aliases")
class AliasController {

    private final AliasPublisher publisher;
    private final AliasReadModel aliases;
    private final WmsSkuSuggestions suggestions;
    private final KnownScope scope;

    AliasController(AliasPublisher publisher, AliasReadModel aliases, WmsSkuSuggestions suggestions, KnownScope scope) {
        this.publisher = publisher;
        this.aliases = aliases;
        this.suggestions = suggestions;
        this.scope = scope;
    }

    record AliasRequest(String wmsSku, String kind) {}

    /** WMS SKUs that a cart SKU without a match may mean. */
    record Suggestions(String sku, List<String> wmsSkus) {}

    @GetMapping
    Page<AliasView> list(
            @PathVariable String tenantId,
            @RequestParam(required = false) String aliasPrefix,
            @RequestParam(required = false) String wmsSkuPrefix,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after) {
        scope.tenant(tenantId);
        KeysetPage<AliasView> page = aliases.page(
                tenantId, search(aliasPrefix, wmsSkuPrefix), RequestParams.after(after), RequestParams.limit(limit));
        return new Page<>(page.items(), RequestParams.cursor(page.lastKey()));
    }

    @GetMapping("/suggestions")
    Suggestions suggestions(@PathVariable String tenantId, @RequestParam(required = false) String sku) {
        scope.tenant(tenantId);
        if (sku == null || sku.isEmpty()) {
            throw Problems.badRequest("sku is required: the cart SKU to find WMS SKUs for");
        }
        String cartSku = RequestParams.prefix(sku, "sku", "SKU");
        return new Suggestions(cartSku, suggestions.forCartSku(tenantId, cartSku));
    }

    @PutMapping("/{*alias}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AliasView put(@PathVariable String tenantId, @PathVariable("alias") String path, @RequestBody AliasRequest body) {
        scope.tenant(tenantId);
        String alias = RequestParams.rest(path, "alias");
        ProductAliasChanged change;
        try {
            change = publisher.put(tenantId, alias, body.wmsSku(), body.kind());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
        return new AliasView(change.alias(), change.wmsSku(), change.kind(), change.changedAt());
    }

    @DeleteMapping("/{*alias}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void remove(@PathVariable String tenantId, @PathVariable("alias") String path) {
        scope.tenant(tenantId);
        publisher.remove(tenantId, RequestParams.rest(path, "alias"));
    }

    /** The list's search, checked as the API documents it (the page's empty fields arrive here as absent). */
    static AliasSearch search(String aliasPrefix, String wmsSkuPrefix) {
        return new AliasSearch(
                RequestParams.prefix(aliasPrefix, "aliasPrefix", "alias"),
                RequestParams.prefix(wmsSkuPrefix, "wmsSkuPrefix", "alias"));
    }
}
