package io.productsync.report.connection;

import io.productsync.report.web.Problems;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What credentials a connection ends up with after a PUT: new ones, checked and sealed; none given, the ones it had
 * on the same platform; none at all, only for a platform that takes none.
 */
@Component
class ConnectionCredentials {

    private final CredentialSealer sealer;

    ConnectionCredentials(CredentialSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * @param given    the credentials of the request, or null
     * @param kept     what the connection has now, if it stays on the same platform, else {@link SealedCredentials#NONE}
     * @param context  the connection's sealing context
     */
    SealedCredentials resolve(
            PlatformRules rules, Map<String, String> given, SealedCredentials kept, byte[] context, Instant now) {
        if (given != null) {
            rules.checkCredentials(given);
            if (!sealer.available()) {
                throw Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "credentials cannot be accepted: no public key to seal them with is configured "
                                + "(productsync.credentials.public-keyset); nothing was stored");
            }
            return new SealedCredentials(sealer.seal(given, context), now);
        }
        if (rules.takesCredentials() && kept.ciphertext() == null) {
            throw Problems.badRequest(
                    "credentials", "credentials are required for " + rules.platform() + "; " + rules.described());
        }
        return rules.takesCredentials() ? kept : SealedCredentials.NONE;
    }
}
