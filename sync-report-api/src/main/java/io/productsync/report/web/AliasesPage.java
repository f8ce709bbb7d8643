package io.productsync.report.web;

import io.productsync.events.AliasKind;
import io.productsync.events.Ids;
import io.productsync.events.ProductAliasChanged;
import io.productsync.report.alias.AliasPublisher;
import io.productsync.report.alias.AliasReadModel;
import io.productsync.report.alias.AliasSearch;
import io.productsync.report.alias.AliasView;
import io.productsync.report.system.EventPublisher.NotStored;
import io.productsync.report.system.KeysetPage;
import io.productsync.report.wmssku.WmsSkuSuggestions;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A tenant's aliases: search, add, delete and upload a file. Every change goes through the API's own
 * {@link AliasPublisher} (the same rules, the same words when it refuses) and answers with a redirect, so a reload
 * never sends it again; what it says travels as a flash message to the page the redirect shows.
 */
@Controller
@RequestMapping("/tenants/{tenantId}/aliases")
class AliasesPage {

    static final int ROWS_PER_PAGE = 50;

    private final AliasPublisher publisher;
    private final AliasReadModel aliases;
    private final WmsSkuSuggestions suggestions;
    private final KnownScope scope;

    AliasesPage(AliasPublisher publisher, AliasReadModel aliases, WmsSkuSuggestions suggestions, KnownScope scope) {
        this.publisher = publisher;
        this.aliases = aliases;
        this.suggestions = suggestions;
        this.scope = scope;
    }

    /**
     * The add form's fields as entered (or prefilled from a NEVER row).
     *
     * @param cart the cart whose table the form was opened from, where the user goes back after saving; may be null
     */
    record AliasForm(String alias, String wmsSku, String kind, String cart) {}

    @GetMapping
    String page(
            @PathVariable String tenantId,
            @RequestParam(required = false) String aliasPrefix,
            @RequestParam(required = false) String wmsSkuPrefix,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String alias,
            @RequestParam(required = false) String wmsSku,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cart,
            Model model) {
        scope.tenant(tenantId);
        AliasSearch search =
                AliasController.search(RequestParams.given(aliasPrefix), RequestParams.given(wmsSkuPrefix));
        KeysetPage<AliasView> page =
                aliases.page(tenantId, search, RequestParams.after(RequestParams.given(after)), ROWS_PER_PAGE);
        String base = "/tenants/" + tenantId + "/aliases";
        AliasForm form = model.containsAttribute("form")
                ? (AliasForm) model.getAttribute("form")
                : new AliasForm(alias, wmsSku, kind, returnCart(cart));
        List<String> suggested = suggestionsFor(tenantId, form.alias());
        if (form.wmsSku() == null && !suggested.isEmpty()) {
            form = new AliasForm(form.alias(), suggested.get(0), form.kind(), form.cart());
        }
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("aliases", page.items());
        model.addAttribute("aliasPrefix", search.aliasPrefix() == null ? "" : search.aliasPrefix());
        model.addAttribute("wmsSkuPrefix", search.wmsSkuPrefix() == null ? "" : search.wmsSkuPrefix());
        model.addAttribute("searched", search.aliasPrefix() != null || search.wmsSkuPrefix() != null);
        model.addAttribute("form", form);
        model.addAttribute("suggestions", suggested);
        model.addAttribute(
                "kinds", Arrays.stream(AliasKind.values()).map(Enum::name).toList());
        model.addAttribute("allUrl", base);
        model.addAttribute("firstUrl", after == null || after.isEmpty() ? null : url(base, search, null));
        model.addAttribute("nextUrl", page.lastKey() == null ? null : url(base, search, page.lastKey()));
        return "aliases";
    }

    @PostMapping
    String add(
            @PathVariable String tenantId,
            @RequestParam(required = false) String alias,
            @RequestParam(required = false) String wmsSku,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cart,
            RedirectAttributes flash) {
        scope.tenant(tenantId);
        String back = returnCart(cart);
        try {
            ProductAliasChanged change = publisher.put(tenantId, orEmpty(alias), wmsSku, kind);
            flash.addFlashAttribute(
                    "message",
                    "Saved alias '" + change.alias() + "' -> '" + change.wmsSku() + "' (" + change.kind()
                            + "). The list shows it once this service has read it back from Kafka, about a second.");
        } catch (IllegalArgumentException | NotStored e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("form", new AliasForm(alias, wmsSku, kind, back));
            return "redirect:/tenants/" + tenantId + "/aliases";
        }
        return back == null
                ? "redirect:/tenants/" + tenantId + "/aliases"
                : "redirect:/tenants/" + tenantId + "/carts/" + back + "/product-sync";
    }

    @PostMapping("/delete")
    String delete(
            @PathVariable String tenantId, @RequestParam(required = false) String alias, RedirectAttributes flash) {
        scope.tenant(tenantId);
        try {
            publisher.remove(tenantId, orEmpty(alias));
            flash.addFlashAttribute(
                    "message",
                    "Deleted alias '" + alias + "'. It leaves the list once this service has read the deletion back"
                            + " from Kafka, about a second.");
        } catch (IllegalArgumentException | NotStored e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tenants/" + tenantId + "/aliases";
    }

    /** None for an alias the rules would refuse anyway: the form then shows why, not an error page. */
    private List<String> suggestionsFor(String tenantId, String alias) {
        try {
            return alias == null ? List.of() : suggestions.forCartSku(tenantId, Ids.requireSku(alias, "alias"));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Only a cart id, never a URL, travels in the form: the way back is built here, so it cannot lead elsewhere. */
    private static String returnCart(String cart) {
        return RequestParams.given(cart) == null ? null : RequestParams.id(cart, "cart");
    }

    private static String url(String base, AliasSearch search, String lastKey) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(base);
        if (search.aliasPrefix() != null) {
            url.queryParam("aliasPrefix", search.aliasPrefix());
        }
        if (search.wmsSkuPrefix() != null) {
            url.queryParam("wmsSkuPrefix", search.wmsSkuPrefix());
        }
        if (lastKey != null) {
            url.queryParam("after", RequestParams.cursor(lastKey));
        }
        return url.encode().build().toUriString();
    }
}
