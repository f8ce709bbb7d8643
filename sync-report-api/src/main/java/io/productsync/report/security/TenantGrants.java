package io.productsync.report.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The tenants the current caller was granted, read from its authorities ({@link TenantRole}). */
public final class TenantGrants {

    private final Authentication caller;

    private TenantGrants(Authentication caller) {
        this.caller = caller;
    }

    /** The caller of this request (none: no grant at all). */
    public static TenantGrants current() {
        return new TenantGrants(SecurityContextHolder.getContext().getAuthentication());
    }

    static TenantGrants of(Authentication caller) {
        return new TenantGrants(caller);
    }

    /** The highest role the caller holds in the tenant; empty when it may not even know the tenant exists. */
    Optional<TenantRole> roleIn(String tenantId) {
        if (caller == null || !caller.isAuthenticated()) {
            return Optional.empty();
        }
        TenantRole best = null;
        for (GrantedAuthority granted : caller.getAuthorities()) {
            String authority = granted.getAuthority();
            for (TenantRole role : TenantRole.values()) {
                boolean match = authority.equals(TenantRole.authority(tenantId, role))
                        || authority.equals(TenantRole.authority("*", role));
                if (match && (best == null || role.allows(best))) {
                    best = role;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean sees(String tenantId) {
        return roleIn(tenantId).isPresent();
    }

    public boolean administers(String tenantId) {
        return roleIn(tenantId).filter(role -> role == TenantRole.ADMIN).isPresent();
    }
}
