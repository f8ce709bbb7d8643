package io.productsync.report.security;

import java.util.List;
import java.util.Optional;
import org.springframework.core.log.LogAccessor;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * A JWT from the configured OpenID Connect issuer as an API credential: signed by one of the issuer's keys (its JWKS,
 * found through its discovery document on first use), issued by it, not expired, and meant for this service (its
 * audience includes the client id). Its grants claim becomes the caller's tenant authorities ({@link OidcGrants}).
 */
final class JwtBearer {

    private static final LogAccessor LOG = new LogAccessor(JwtBearer.class);

    private final JwtAuthenticationProvider provider;

    JwtBearer(SecuritySettings.Oidc oidc) {
        // Built on first use (and again after a failure): the issuer need not be reachable when the service starts.
        JwtDecoder decoder = new SupplierJwtDecoder(() -> decoder(oidc));
        OidcGrants grants = new OidcGrants(oidc.grantsClaim());
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> grants.of(jwt.getClaims()));
        provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
    }

    private static JwtDecoder decoder(SecuritySettings.Oidc oidc) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(
                JwtClaimNames.AUD, granted -> granted != null && granted.contains(oidc.clientId()));
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(oidc.issuerUri()), audience));
        return decoder;
    }

    /**
     * The caller the token names; empty for any token that fails a check (which one is not told) and while the issuer
     * cannot be reached (no token can be checked then; the log says so, never with the token).
     */
    Optional<Authentication> authenticate(String token) {
        try {
            return Optional.ofNullable(provider.authenticate(new BearerTokenAuthenticationToken(token)));
        } catch (AuthenticationServiceException | JwtDecoderInitializationException e) {
            LOG.warn(() -> "the OpenID Connect issuer's keys could not be read: " + e.getMessage());
            return Optional.empty();
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }
}
