package io.productsync.events;

final class KeyParts {

    private KeyParts() {}

    static String[] split(String key, int parts) {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        String[] split = key.split("/", parts);
        if (split.length != parts) {
            throw new IllegalArgumentException("key '" + key + "' must have " + parts + " parts separated by '/'");
        }
        return split;
    }
}
