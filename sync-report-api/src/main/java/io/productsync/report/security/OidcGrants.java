package io.productsync.report.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The grants an OpenID Connect issuer states for a person or a token: one claim (a list, or one string separated by
 * spaces) of {@code <tenant>:<viewer|admin>} values, each becoming the authority {@code tenant:<tenant>:<role>}. A value
 * of another shape grants nothing, and {@code *} is no tenant here: the operator is the local account only.
 */
final class OidcGrants {

    private final String claim;

    OidcGrants(String claim) {
        this.claim = claim;
    }

    Collection<GrantedAuthority> of(Map<String, Object> claims) {
        Object value = claims.get(claim);
        List<String> grants = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(each -> grants.add(String.valueOf(each)));
        } else if (value instanceof String text) {
            grants.addAll(List.of(text.trim().split("\\s+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String grant : grants) {
            int colon = grant.lastIndexOf(':');
            String tenantId = colon > 0 ? grant.substring(0, colon) : "";
            TenantRole role = TenantRole.of(grant.substring(colon + 1));
            if (role != null && !tenantId.isEmpty() && !tenantId.contains(":") && !tenantId.equals("*")) {
                authorities.add(new SimpleGrantedAuthority(TenantRole.authority(tenantId, role)));
            }
        }
        return authorities;
    }
}
