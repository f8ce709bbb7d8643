package io.productsync.report;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The installation's operator as the tests sign in: the built-in account {@code admin} with a password chosen at
 * random for this run and given to every service the tests start ({@link #passwordSetting()}), so no password is
 * ever written in the code and every run's differs.
 */
public final class Operator {

    public static final String USERNAME = "admin";
    private static final String PASSWORD = randomPassword();

    private Operator() {}

    public static String password() {
        return PASSWORD;
    }

    /** The setting that gives a service this run's operator password, as a command-line argument. */
    public static String passwordSetting() {
        return "--productsync.security.local-admin-password=" + PASSWORD;
    }

    /** The {@code Authorization} header value of HTTP Basic with the operator's credentials. */
    public static String authorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A request that carries the operator's credentials. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", authorization());
    }

    private static String randomPassword() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
