package io.productsync.poller.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code productsync.credentials.private-keyset}: the Tink private keyset (its JSON, or the path of a file holding it)
 * that opens the credentials sync-report-api sealed with the matching public keyset. Unset: connections with
 * credentials are not polled.
 */
@ConfigurationProperties("productsync.credentials")
record CredentialSettings(String privateKeyset) {}
