package io.productsync.poller.connector;

/** A read or write against a cart or WMS failed; the current snapshot is incomplete and the next interval retries. */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
