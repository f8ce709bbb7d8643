package io.productsync.report.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import org.springframework.core.log.LogAccessor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * The pages' sign-in through the OpenID Connect issuer (authorization code flow): this service is the client
 * {@code oidc}, read from the issuer's discovery document on the first sign-in rather than at start, so an issuer that
 * is down for a moment does not keep the service from starting. A person's authorities are their grants claim
 * ({@link OidcGrants}) and nothing else.
 */
final class OidcSignIn implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "oidc";
    static final String START = "/oauth2/authorization/" + REGISTRATION_ID;

    private static final LogAccessor LOG = new LogAccessor(OidcSignIn.class);

    private final SecuritySettings.Oidc settings;
    private final OidcGrants grants;
    private volatile ClientRegistration registration;

    OidcSignIn(SecuritySettings.Oidc settings) {
        this.settings = settings;
        this.grants = new OidcGrants(settings.grantsClaim());
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(REGISTRATION_ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope("openid")
                    .clientName(issuerName(settings.issuerUri()))
                    .build();
            registration = known;
        }
        return known;
    }

    /**
     * Redeems the issuer's code for an ID token and checks it (signature, issuer, audience, nonce, expiry); the
     * person's authorities are their grants alone.
     */
    AuthenticationProvider provider() {
        OidcAuthorizationCodeAuthenticationProvider provider = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
        provider.setAuthoritiesMapper(this::authorities);
        return provider;
    }

    /** The signed-in person's tenant grants, from the ID token's (and user info's) claims. */
    Collection<? extends GrantedAuthority> authorities(Collection<? extends GrantedAuthority> given) {
        return given.stream()
                .filter(OAuth2UserAuthority.class::isInstance)
                .map(OAuth2UserAuthority.class::cast)
                .flatMap(user -> grants.of(user.getAttributes()).stream())
                .distinct()
                .toList();
    }

    /**
     * Back to the sign-in page with a message; the log says which check failed (the error's code and description
     * only: they never carry a token or the client's secret).
     */
    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String why = e instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
                : e.getClass().getSimpleName();
        LOG.warn(() -> "OpenID Connect sign-in failed: " + why);
        response.sendRedirect(request.getContextPath() + "/login?oidcError");
    }

    /** How the sign-in page names the issuer: its host. */
    static String issuerName(String issuerUri) {
        String host = URI.create(issuerUri).getHost();
        return host == null ? issuerUri : host;
    }
}
