package io.productsync.report.security;

import io.productsync.report.system.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.log.LogAccessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finding out who calls reads the database (the account's hash, the key's row) before any controller runs, so an
 * outage there would otherwise end as the container's 500: it is the same 503 a controller answers, retry later.
 */
final class DatabaseUnavailable extends OncePerRequestFilter {

    private static final LogAccessor LOG = new LogAccessor(DatabaseUnavailable.class);
    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"the database is unavailable; retry the request\"}";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn(e, "database unavailable while signing a caller in");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
        }
    }
}
