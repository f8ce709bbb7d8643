package io.productsync.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the contract fixtures; shared with other modules through the test-jar. */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String name, Class<T> type) {
        return JsonSerde.of(type).deserialize("fixture", bytes(name));
    }
}
