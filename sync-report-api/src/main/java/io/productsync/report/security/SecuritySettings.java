package io.productsync.report.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of who may sign in, under {@code productsync.security.*}.
 *
 * @param localAdminPassword        the operator account's password; blank = generated on first start and logged once
 * @param announceGeneratedPassword whether this service logs a generated password itself; the launcher turns it off
 *                                  and prints it in its own banner ({@link LocalAdmin#takeGeneratedPassword()})
 * @param lastUsedFlush             how often the API keys' last-used times are written (kept in memory between)
 * @param oidc                      an OpenID Connect issuer whose users and tokens are accepted too (blank: none)
 */
@ConfigurationProperties("productsync.security")
record SecuritySettings(
        String localAdminPassword,
        @DefaultValue("true") boolean announceGeneratedPassword,
        @DefaultValue("30s") Duration lastUsedFlush,
        @DefaultValue Oidc oidc) {

    /**
     * @param issuerUri    the issuer (its {@code /.well-known/openid-configuration} is read); blank = no OpenID Connect
     * @param clientId     this service's client id at the issuer; a bearer token's audience must include it
     * @param clientSecret the client's secret, for the pages' sign-in (code flow)
     * @param grantsClaim  the claim listing the caller's grants as {@code <tenant>:<viewer|admin>}
     */
    record Oidc(
            String issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue("productsync_grants") String grantsClaim) {

        Oidc {
            if (issuerUri != null && !issuerUri.isBlank() && (clientId == null || clientId.isBlank())) {
                throw new IllegalArgumentException(
                        "productsync.security.oidc.client-id must be set when issuer-uri is: tokens are checked to be"
                                + " meant for it");
            }
        }

        boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null || clientSecret.isEmpty() ? "none" : "(set)") + ", grantsClaim="
                    + grantsClaim + "]";
        }
    }

    @Override
    public String toString() {
        return "SecuritySettings[localAdminPassword=" + (localAdminPassword == null ? "none" : "(set)")
                + ", announceGeneratedPassword=" + announceGeneratedPassword + ", lastUsedFlush=" + lastUsedFlush
                + ", oidc=" + oidc + "]";
    }
}
