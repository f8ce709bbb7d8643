package io.productsync.report.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The SQL that creates the application's database roles on an embedded PostgreSQL (the local run, the tests), run by
 * its superuser before the service starts. Idempotent; a real cluster's operator runs the README's version instead.
 */
public final class LocalRoles {

    private static final String RESOURCE = "/db/roles/local-roles.sql";

    private LocalRoles() {}

    public static String sql() {
        try (InputStream in = LocalRoles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
