package io.productsync.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.report.system.ReportSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

class RateLimitKeyTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theTenantInThePathIsTheKeyWhoeverOfItsGranteesSendsTheRequest() {
        signIn("key-1", "tenant:acme:viewer", "tenant:other:admin");
        assertThat(key("/api/v1/tenants/acme/carts/shop/product-sync", "10.0.0.1"))
                .isEqualTo(key("/api/v1/tenants/acme/aliases/X", "10.0.0.2"))
                .isEqualTo(key("/tenants/acme/carts/shop/product-sync", "10.0.0.3"))
                .isEqualTo(key("/tenants/acme", "10.0.0.4"))
                .isEqualTo(new RateLimitKey("tenant:acme", "tenant 'acme'"));
        assertThat(key("/api/v1/tenants/other/carts", "10.0.0.1").value()).isEqualTo("tenant:other");
        signIn("operator", "tenant:*:admin");
        assertThat(key("/tenants/acme", "10.0.0.5").value()).isEqualTo("tenant:acme");
    }

    @Test
    void aCallerWithoutTheTenantsGrantSpendsOnlyItsOwnRequestsAndNobodyTheAddresses() {
        signIn("key-2", "tenant:other:admin");
        assertThat(key("/api/v1/tenants/acme/carts/shop/product-sync", "10.0.0.1")
                        .value())
                .isEqualTo("caller:key-2");

        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(key("/api/v1/tenants/acme/carts/shop/product-sync", "10.0.0.1")
                        .value())
                .isEqualTo("address:10.0.0.1");
    }

    @Test
    void aPathWithoutAValidTenantIsKeyedByTheClientAddressWhenNobodySignedIn() {
        assertThat(key("/", "10.0.0.1").value()).isEqualTo("address:10.0.0.1");
        assertThat(key("/webjars/htmx.org/2.0.7/dist/htmx.min.js", "10.0.0.1").value())
                .isEqualTo("address:10.0.0.1");
        assertThat(key("/api/v1/tenants/ACME/carts", "10.0.0.2").value()).isEqualTo("address:10.0.0.2");
        assertThat(key("/api/v1/tenants/acme;x=1/carts", "10.0.0.2").value()).isEqualTo("address:10.0.0.2");
        assertThat(key("/api/v1/tenants//carts", "10.0.0.3").described()).isEqualTo("this client address");
    }

    @Test
    void fullBucketsAreDroppedOnceThereAreTooManyKeysAndBusyOnesKept() {
        RateBuckets buckets = new RateBuckets(new ReportSettings.Limits(1, 10, DataSize.ofKilobytes(64)));
        buckets.of(new RateLimitKey("tenant:busy", "")).tryConsume(5);
        for (int i = 0; i < RateBuckets.SWEEP_ABOVE; i++) {
            buckets.of(new RateLimitKey("tenant:t" + i, ""));
        }
        assertThat(buckets.size()).isEqualTo(RateBuckets.SWEEP_ABOVE + 1);

        buckets.of(new RateLimitKey("tenant:next", ""));

        assertThat(buckets.size()).as("the busy bucket and the new one").isEqualTo(2);
        assertThat(buckets.of(new RateLimitKey("tenant:busy", "")).getAvailableTokens())
                .isLessThan(10);
    }

    private static void signIn(String name, String... authorities) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new TestingAuthenticationToken(name, null, AuthorityUtils.createAuthorityList(authorities)));
    }

    private static RateLimitKey key(String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        return RateLimitKey.of(request);
    }
}
