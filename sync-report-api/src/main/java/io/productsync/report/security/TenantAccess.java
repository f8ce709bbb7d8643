package io.productsync.report.security;

import io.productsync.report.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every handler whose path names a {@code {tenantId}} (the API's and the pages') answers only callers granted that
 * tenant. No grant: the same 404 as a tenant that does not exist, so ids cannot be probed. A viewer asking for a
 * change (anything but GET or HEAD) or an {@link AdminOnly} read: 403. Runs after the handler is chosen, so the
 * answer is rendered like the handler's own errors (problem+json for the API, the error page for the pages).
 */
class TenantAccess implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String tenantId = tenantOf(request);
        if (tenantId == null) {
            return true;
        }
        Optional<TenantRole> role = TenantGrants.current().roleIn(tenantId);
        if (role.isEmpty()) {
            throw Problems.unknownTenant(tenantId);
        }
        TenantRole needed = needs(request, handler);
        if (!role.get().allows(needed)) {
            throw Problems.of(
                    HttpStatus.FORBIDDEN,
                    "this needs the tenant's " + needed.text() + " role; you have its "
                            + role.get().text() + " role");
        }
        return true;
    }

    private static String tenantOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("tenantId") instanceof String tenant ? tenant : null;
    }

    private static TenantRole needs(HttpServletRequest request, Object handler) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean adminOnly = handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(AdminOnly.class)
                        || method.getBeanType().isAnnotationPresent(AdminOnly.class));
        return read && !adminOnly ? TenantRole.VIEWER : TenantRole.ADMIN;
    }
}
