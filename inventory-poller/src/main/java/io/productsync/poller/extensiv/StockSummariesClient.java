package io.productsync.poller.extensiv;

import io.productsync.poller.connector.ConnectorException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * {@code GET /inventory/stocksummaries?pgsiz=&pgnum=} with a bearer token. A 401 drops the token and repeats the call
 * once with a fresh one; any other refusal, or a body that is not the expected JSON, is a {@link ConnectorException}
 * with the status and the vendor's words.
 */
final class StockSummariesClient {

    private static final Logger log = LoggerFactory.getLogger(StockSummariesClient.class);

    private final ExtensivHttp http;
    private final TokenSource tokens;
    private final ExtensivSettings settings;
    private final String source;

    StockSummariesClient(ExtensivHttp http, TokenSource tokens, ExtensivSettings settings, String source) {
        this.http = http;
        this.tokens = tokens;
        this.settings = settings;
        this.source = source;
    }

    StockSummaries page(int pageNumber) {
        String what = "Extensiv stocksummaries page " + pageNumber;
        URI url = URI.create(
                settings.baseUrl() + "/inventory/stocksummaries?pgsiz=" + settings.pageSize() + "&pgnum=" + pageNumber);
        String token = tokens.token();
        HttpResponse<String> response = http.exchange(what, request(url, token));
        if (response.statusCode() == 401) {
            log.info("{}: {}: the token was refused (401), fetching a new one and asking once more", source, what);
            tokens.rejected(token);
            String fresh = tokens.token();
            response = http.exchange(what, request(url, fresh));
            if (response.statusCode() == 401) {
                tokens.rejected(fresh);
            }
        }
        if (response.statusCode() != 200) {
            throw new ConnectorException(what + " refused: " + http.describe(response));
        }
        return parse(what, response.body());
    }

    private HttpRequest request(URI url, String token) {
        return HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/hal+json")
                .GET()
                .build();
    }

    private static StockSummaries parse(String what, String body) {
        StockSummaries page;
        try {
            page = ExtensivJson.MAPPER.readValue(body, StockSummaries.class);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new ConnectorException(what + ": the answer is not the expected JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (page == null || page.totalResults() == null) {
            throw new ConnectorException(what + ": the answer has no totalResults");
        }
        return page;
    }
}
