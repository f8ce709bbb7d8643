package io.productsync.poller.extensiv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * Every form of one connection's secrets that could come back in a vendor's or a proxy's words (an echoed
 * {@code Authorization} header, the secret itself, a recent access token), so that no message carries them.
 */
final class Secrets {

    private static final String HIDDEN = "***";
    private static final int TOKENS_KEPT = 2;

    private final List<String> credentialForms;
    private final Deque<String> tokens = new ArrayDeque<>();

    Secrets(ExtensivCredentials credentials) {
        String basic = credentials.clientId() + ":" + credentials.clientSecret();
        credentialForms = List.of(base64(basic), basic, credentials.clientSecret(), base64(credentials.clientSecret()));
    }

    /** A token just issued; the last two are kept (a read can span a refresh). */
    synchronized void token(String token) {
        tokens.addFirst(token);
        while (tokens.size() > TOKENS_KEPT) {
            tokens.removeLast();
        }
    }

    synchronized String redact(String text) {
        String redacted = text;
        for (String secret : credentialForms) {
            redacted = redacted.replace(secret, HIDDEN);
        }
        for (String token : tokens) {
            redacted = redacted.replace(token, HIDDEN);
        }
        return redacted;
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
