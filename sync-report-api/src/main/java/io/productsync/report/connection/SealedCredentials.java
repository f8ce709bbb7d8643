package io.productsync.report.connection;

import java.time.Instant;

/** A connection's sealed credentials and when they were set; {@link #NONE} when it has none. */
record SealedCredentials(String ciphertext, Instant setAt) {

    static final SealedCredentials NONE = new SealedCredentials(null, null);
}
