package io.productsync.deploy;

/** The launcher will not start, for a reason the user can fix; the message says what and how. */
final class LaunchRefused extends RuntimeException {

    LaunchRefused(String message) {
        super(message);
    }
}
