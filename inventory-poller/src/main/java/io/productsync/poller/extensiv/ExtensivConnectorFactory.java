package io.productsync.poller.extensiv;

import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsRef;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the Extensiv connector of one WMS connection from its settings and its decrypted credentials. Keep the
 * connector of a connection for as long as the connection is unchanged: it holds the cached token. All connectors of
 * one factory share one HTTP client.
 */
public final class ExtensivConnectorFactory {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Clock clock;

    public ExtensivConnectorFactory(Clock clock) {
        this.clock = clock;
        // No redirects: a redirect to another host must not carry the Authorization header along.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public WmsConnector create(WmsRef wms, ExtensivSettings settings, ExtensivCredentials credentials) {
        String source = "wms " + wms + " (extensiv customer " + settings.customerId() + ")";
        Secrets secrets = new Secrets(credentials);
        ExtensivHttp http = new ExtensivHttp(client, settings, secrets::redact, clock, source);
        TokenSource tokens =
                new TokenSource(http, settings.baseUrl(), credentials, secrets, settings.requestTimeout(), clock);
        return new ExtensivWmsConnector(new StockSummariesClient(http, tokens, settings, source), settings, source);
    }
}
