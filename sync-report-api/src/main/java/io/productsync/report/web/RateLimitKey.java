package io.productsync.report.web;

import io.productsync.events.Ids;
import io.productsync.report.security.TenantGrants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whose requests one rate limit counts, once the caller is known: the tenant the path names
 * ({@code /api/v1/tenants/{t}/...} or {@code /tenants/{t}/...}) when the caller is granted it, so one tenant's flood
 * never spends another's requests and nobody can spend a tenant's requests without its grant; otherwise the caller
 * (its requests end in a 404 anyway), or the client's address when nobody signed in (open paths: health, sign-in page).
 */
record RateLimitKey(String value, String described) {

    private static final String[] TENANT_ROOTS = {"/api/v1/tenants/", "/tenants/"};

    static RateLimitKey of(HttpServletRequest request) {
        String tenant = pathTenant(request.getRequestURI());
        if (tenant != null && TenantGrants.current().sees(tenant)) {
            return new RateLimitKey("tenant:" + tenant, "tenant '" + tenant + "'");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            return new RateLimitKey("caller:" + caller.getName(), "your requests");
        }
        return new RateLimitKey("address:" + request.getRemoteAddr(), "this client address");
    }

    private static String pathTenant(String path) {
        for (String root : TENANT_ROOTS) {
            if (path.startsWith(root)) {
                int end = path.indexOf('/', root.length());
                String tenant = path.substring(root.length(), end < 0 ? path.length() : end);
                return isId(tenant) ? tenant : null;
            }
        }
        return null;
    }

    private static boolean isId(String value) {
        try {
            Ids.requireId(value, "tenantId");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
