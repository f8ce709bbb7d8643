package io.productsync.report.web;

import org.springframework.http.HttpStatus;

/** What to say about an error the container reports without our code having seen the request. */
final class ContainerProblems {

    private ContainerProblems() {}

    static String detail(int status) {
        return switch (status) {
            case 400 ->
                "the request could not be read: the path or query may hold %00, a backslash or bytes that are not "
                        + "UTF-8, or be too long (SKUs, aliases and cursors are at most 255 characters)";
            case 404 -> "no resource at this path: see the README for the endpoints";
            case 405 -> "this method is not allowed here";
            case 413, 414, 431 -> "the request is too large: SKUs, aliases and cursors are at most 255 characters";
            case 503 -> "the service is not available; retry the request";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "the request failed" : known.getReasonPhrase();
            }
        };
    }
}
