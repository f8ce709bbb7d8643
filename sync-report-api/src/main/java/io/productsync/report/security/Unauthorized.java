package io.productsync.report.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request without a usable credential: 401, the schemes it accepts, and a body that is the
 * same whatever was wrong (none, unknown, revoked, tampered), so it tells a caller nothing about why.
 */
final class Unauthorized implements AuthenticationEntryPoint {

    static final String CHALLENGE = "Bearer realm=\"Product Sync\", Basic realm=\"Product Sync\"";
    static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        answer(response);
    }

    static void answer(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
    }
}
