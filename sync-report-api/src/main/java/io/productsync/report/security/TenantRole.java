package io.productsync.report.security;

import java.util.Locale;

/**
 * What a caller may do in one tenant. A grant is the Spring Security authority {@code tenant:<tenantId>:<role>};
 * {@code tenant:*:admin} is the installation's operator. Any source of identity (local account, API key, and later
 * OpenID Connect claims) only has to produce these authorities.
 */
public enum TenantRole {
    /** Reads the table, summary, aliases and export. */
    VIEWER,
    /** Also changes aliases, connections, credentials and API keys. */
    ADMIN;

    static final String OPERATOR = authority("*", ADMIN);

    static String authority(String tenantId, TenantRole role) {
        return "tenant:" + tenantId + ":" + role.text();
    }

    /** As stored and written in JSON: {@code viewer}, {@code admin}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TenantRole of(String text) {
        for (TenantRole role : values()) {
            if (role.text().equals(text)) {
                return role;
            }
        }
        return null;
    }

    boolean allows(TenantRole needed) {
        return compareTo(needed) >= 0;
    }
}
