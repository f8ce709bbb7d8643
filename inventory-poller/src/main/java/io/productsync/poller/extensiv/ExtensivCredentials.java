package io.productsync.poller.extensiv;

import java.util.Map;

/**
 * An Extensiv REST API credential: the client id and secret of the app, the user the calls are made as, and the
 * optional 3PL GUID of a single-tenant dynamic credential. {@link #toString()} shows none of them.
 */
public record ExtensivCredentials(String clientId, String clientSecret, String userLogin, String tpl) {

    private static final String HIDDEN = "***";

    public ExtensivCredentials {
        require(clientId, "clientId");
        require(clientSecret, "clientSecret");
        require(userLogin, "userLogin");
        if (tpl != null && tpl.isBlank()) {
            tpl = null;
        }
    }

    /** {@code clientId}, {@code clientSecret}, {@code userLogin} and the optional {@code tpl}, as decrypted. */
    public static ExtensivCredentials from(Map<String, String> credentials) {
        return new ExtensivCredentials(
                credentials.get("clientId"),
                credentials.get("clientSecret"),
                credentials.get("userLogin"),
                credentials.get("tpl"));
    }

    /** The value of the token request's {@code Authorization} header. */
    String basicAuthorization() {
        return "Basic " + Secrets.base64(clientId + ":" + clientSecret);
    }

    @Override
    public String toString() {
        return "ExtensivCredentials[clientId=" + HIDDEN + ", clientSecret=" + HIDDEN + ", userLogin=" + HIDDEN
                + ", tpl=" + (tpl == null ? "none" : HIDDEN) + "]";
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
