package io.productsync.report.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ...} makes the request its holder's for this request only: an API key
 * ({@code psk_...}) that is known and not revoked, its tenant's viewer or admin; when an OpenID Connect issuer is set,
 * any other token is checked as that issuer's JWT ({@link JwtBearer}). A token that passes neither is a 401 at once
 * (it never falls through to another scheme). Requests without a bearer token pass on to HTTP Basic and the session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final Optional<JwtBearer> jwts;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiKeys keys, Optional<JwtBearer> jwts) {
        this.keys = keys;
        this.jwts = jwts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .trim();
        Optional<Authentication> caller = token.startsWith(ApiKeys.PREFIX) || jwts.isEmpty()
                ? keys.authenticate(token).map(KeyAuthentication::new)
                : jwts.get().authenticate(token);
        if (caller.isEmpty()) {
            Unauthorized.answer(response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(caller.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    static boolean carriesBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** A caller known by its API key: the key's id as its name, its one grant as its authority, no credential kept. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {

        private final ApiKeys.Holder holder;

        KeyAuthentication(ApiKeys.Holder holder) {
            super(List.of(new SimpleGrantedAuthority(TenantRole.authority(holder.tenantId(), holder.role()))));
            this.holder = holder;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "api-key:" + holder.keyId();
        }
    }
}
