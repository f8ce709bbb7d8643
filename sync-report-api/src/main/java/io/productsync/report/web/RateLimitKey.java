package io.productsync.report.web;

import io.productsync.events.Ids;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whose requests one rate limit counts: the tenant the path names ({@code /api/v1/tenants/{t}/...} or
 * {@code /tenants/{t}/...}), whoever sends them, so one tenant's flood never spends another's requests; the client's
 * address for a path without a valid tenant id.
 */
record RateLimitKey(String value, String described) {

    private static final String[] TENANT_ROOTS = {"/api/v1/tenants/", "/tenants/"};

    static RateLimitKey of(HttpServletRequest request) {
        String path = request.getRequestURI();
        for (String root : TENANT_ROOTS) {
            if (path.startsWith(root)) {
                int end = path.indexOf('/', root.length());
                String tenant = path.substring(root.length(), end < 0 ? path.length() : end);
                if (isId(tenant)) {
                    return new RateLimitKey("tenant:" + tenant, "tenant '" + tenant + "'");
                }
            }
        }
        return new RateLimitKey("address:" + request.getRemoteAddr(), "this client address");
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
