package io.productsync.report.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs in a local account (form login or HTTP Basic) against its stored hash. Basic sends the password on every
 * request and bcrypt is slow by design (tens of milliseconds), so a password that matched is remembered for a few
 * minutes as a SHA-256 of the user, the password and the stored hash: a changed password misses at once, and memory
 * never holds the password itself.
 */
@Component
class LocalAccountAuthentication implements AuthenticationProvider {

    private static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 1_000;

    private final LocalAccounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    LocalAccountAuthentication(LocalAccounts accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password = attempt.getCredentials() instanceof String text ? text : "";
        Optional<String> hash = accounts.passwordHash(username);
        if (hash.isEmpty() || !matches(username, password, hash.get())) {
            throw new BadCredentialsException("bad credentials");
        }
        // Only the operator exists today; it holds every tenant.
        return UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(TenantRole.OPERATOR)));
    }

    private boolean matches(String username, String password, String hash) {
        String key = HexFormat.of().formatHex(Sha256.of(username + '\0' + password + '\0' + hash));
        Instant now = clock.instant();
        Instant until = verified.get(key);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        if (!encoder.matches(password, hash)) {
            return false;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, now.plus(REMEMBERED));
        return true;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
