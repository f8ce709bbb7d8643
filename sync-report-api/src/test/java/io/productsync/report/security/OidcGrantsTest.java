package io.productsync.report.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class OidcGrantsTest {

    private final OidcGrants grants = new OidcGrants("productsync_grants");

    @Test
    void aListOrASpaceSeparatedStringOfTenantRolesBecomesTheTenantAuthorities() {
        assertThat(authorities(Map.of("productsync_grants", List.of("acme:admin", "demo:viewer"))))
                .containsExactly("tenant:acme:admin", "tenant:demo:viewer");
        assertThat(authorities(Map.of("productsync_grants", " acme:admin  demo:viewer ")))
                .containsExactly("tenant:acme:admin", "tenant:demo:viewer");
    }

    @Test
    void valuesOfAnotherShapeTheOperatorsWildcardAndOtherClaimsGrantNothing() {
        assertThat(authorities(Map.of(
                        "productsync_grants",
                        List.of("*:admin", "acme", "acme:owner", ":admin", "a:b:admin", "acme:ADMIN", ""))))
                .isEmpty();
        assertThat(authorities(Map.of("groups", List.of("acme:admin")))).isEmpty();
        assertThat(authorities(Map.of("productsync_grants", 42))).isEmpty();
    }

    private List<String> authorities(Map<String, Object> claims) {
        return grants.of(claims).stream().map(GrantedAuthority::getAuthority).toList();
    }
}
