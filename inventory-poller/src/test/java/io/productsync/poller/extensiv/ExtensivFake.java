package io.productsync.poller.extensiv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extensiv 3PL Warehouse Manager as its REL pages describe it, on a free local port: the OAuth token endpoint (Basic
 * client credentials, {@code grant_type}, {@code user_login}, tokens that go stale after a TTL on the given clock) and
 * {@code GET /inventory/stocksummaries} (pgsiz 1 to 500 else a vendor exception body, 1-based pgnum,
 * {@code totalResults}, camelCase keys, decimal quantities, {@code application/hal+json}, {@code _links}), scoped to
 * the credential's customer. Faults (plain-text 500s, delays, 429s, bad JSON) are queued per endpoint; every request
 * is counted.
 */
public final class ExtensivFake implements AutoCloseable {

    static final String STALE_TOKEN = "Missing Authorization header with proper bearer token";
    private static final String HAL_JSON = "application/hal+json; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** Held responses wait on this; closing the fake lets them go. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private final ExtensivCredentials credentials;
    private final long customerId;
    private final Clock clock;
    private volatile Duration tokenTtl = Duration.ofHours(1);
    private volatile Duration reportedExpiresIn;

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final Deque<Fault> tokenFaults = new ConcurrentLinkedDeque<>();
    private final Deque<Fault> summaryFaults = new ConcurrentLinkedDeque<>();

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger summaryRequests = new AtomicInteger();
    private final AtomicInteger refusedTokens = new AtomicInteger();
    private final List<Integer> pageSizes = new CopyOnWriteArrayList<>();

    public ExtensivFake(ExtensivCredentials credentials, long customerId, Clock clock) throws IOException {
        this.credentials = credentials;
        this.customerId = customerId;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/AuthServer/api/Token", exchange -> answer(exchange, this::token));
        server.createContext("/inventory/stocksummaries", exchange -> answer(exchange, this::stockSummaries));
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    // --- data ---

    /** A row of the credential's customer: one item with one qualifier in one facility. */
    public void stock(long facilityId, String sku, String available) {
        stock(customerId, facilityId, sku, "", available);
    }

    public void stock(long customer, long facilityId, String sku, String qualifier, String available) {
        rows.add(new Row(
                customer, facilityId, sku, Math.abs((long) sku.hashCode()), qualifier, new BigDecimal(available)));
    }

    // --- tokens ---

    /** Tokens go stale this long after they are issued; {@code expires_in} says the same unless {@link #reportExpiresIn}. */
    void tokenTtl(Duration ttl) {
        tokenTtl = ttl;
    }

    /** What the token answer claims as {@code expires_in}, whatever the real TTL (the vendor says 30 to 60 min). */
    void reportExpiresIn(Duration claimed) {
        reportedExpiresIn = claimed;
    }

    /** Every token issued so far is stale now (the vendor revoked or expired it early). */
    void expireTokens() {
        tokens.replaceAll((token, expiry) -> Instant.MIN);
    }

    List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    // --- faults ---

    void failNextTokenRequests(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            tokenFaults.add(fault);
        }
    }

    void failNextSummaryRequests(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            summaryFaults.add(fault);
        }
    }

    // --- counters ---

    int tokenRequests() {
        return tokenRequests.get();
    }

    int summaryRequests() {
        return summaryRequests.get();
    }

    /** Stock summary requests answered 401 for a missing, unknown or stale token. */
    int refusedTokens() {
        return refusedTokens.get();
    }

    List<Integer> pageSizes() {
        return List.copyOf(pageSizes);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // --- endpoints ---

    private Answer token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        if (!exchange.getRequestMethod().equals("POST")) {
            return Answer.text(405, "Method Not Allowed");
        }
        if (!credentials
                .basicAuthorization()
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.json(401, "{\"error\":\"invalid_client\"}", JSON);
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.startsWith("application/json")) {
            return Answer.json(
                    415, "{\"error\":\"invalid_request\",\"error_description\":\"JSON body expected\"}", JSON);
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = ExtensivJson.MAPPER.readTree(in);
        } catch (RuntimeException e) {
            return Answer.json(400, "{\"error\":\"invalid_request\"}", JSON);
        }
        if (!"client_credentials".equals(body.path("grant_type").asString(""))) {
            return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}", JSON);
        }
        boolean tplMatches = credentials.tpl() == null
                ? body.path("tpl").isMissingNode()
                : credentials.tpl().equals(body.path("tpl").asString(""));
        if (!credentials.userLogin().equals(body.path("user_login").asString("")) || !tplMatches) {
            return Answer.json(
                    400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown user login or tpl\"}", JSON);
        }
        String token = UUID.randomUUID() + "." + UUID.randomUUID();
        tokens.put(token, clock.instant().plus(tokenTtl));
        Duration expiresIn = reportedExpiresIn == null ? tokenTtl : reportedExpiresIn;
        return Answer.json(
                200,
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn.toSeconds()
                        + ",\"refresh_token\":null,\"scope\":null}",
                JSON);
    }

    private Answer stockSummaries(HttpExchange exchange) {
        summaryRequests.incrementAndGet();
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Instant expiry = authorization.startsWith("Bearer ") ? tokens.get(authorization.substring(7)) : null;
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            refusedTokens.incrementAndGet();
            return Answer.text(401, STALE_TOKEN);
        }
        Map<String, String> query = query(exchange.getRequestURI());
        Integer pageSize = number(query.getOrDefault("pgsiz", "100"));
        Integer pageNumber = number(query.getOrDefault("pgnum", "1"));
        if (pageSize != null) {
            pageSizes.add(pageSize);
        }
        if (pageSize == null || pageSize < 1 || pageSize > 500) {
            return queryParameterException("pgsiz", "OutOfRange", "pgsiz must be a positive number of at most 500");
        }
        if (pageNumber == null || pageNumber < 1) {
            return queryParameterException("pgnum", "OutOfRange", "pgnum is 1-indexed");
        }
        List<Row> visible =
                rows.stream().filter(row -> row.customerId() == customerId).toList();
        int from = (int) Math.min((long) (pageNumber - 1) * pageSize, visible.size());
        int to = Math.min(from + pageSize, visible.size());
        ObjectNode page = ExtensivJson.MAPPER.createObjectNode();
        page.put("totalResults", visible.size());
        ArrayNode summaries = page.putArray("summaries");
        for (Row row : visible.subList(from, to)) {
            ObjectNode summary = summaries.addObject();
            summary.putObject("itemIdentifier").put("sku", row.sku()).put("id", row.itemId());
            summary.put("qualifier", row.qualifier());
            summary.put("totalReceived", decimal(row.available()));
            summary.put("allocated", decimal(BigDecimal.ZERO));
            summary.put("available", decimal(row.available()));
            summary.put("onHold", decimal(BigDecimal.ZERO));
            summary.put("onHand", decimal(row.available()));
            summary.put("facilityId", row.facilityId());
        }
        ObjectNode links = page.putObject("_links");
        links.putObject("self").put("href", href(pageSize, pageNumber));
        if (to < visible.size()) {
            links.putObject("next").put("href", href(pageSize, pageNumber + 1));
        }
        if (pageNumber > 1) {
            links.putObject("prev").put("href", href(pageSize, pageNumber - 1));
        }
        return Answer.json(200, ExtensivJson.MAPPER.writeValueAsString(page), HAL_JSON);
    }

    private static Answer queryParameterException(String parameter, String code, String hint) {
        return Answer.json(
                400,
                "{\"$type\":\"WMS.V2.Generic.Models.Exceptions.QueryParameterException, WMS.V2.Generic.Models\","
                        + "\"Parameters\":[\"" + parameter + "\"],\"ErrorCode\":\"" + code + "\",\"Hint\":\"" + hint
                        + "\"}",
                JSON);
    }

    private interface Endpoint {
        Answer handle(HttpExchange exchange) throws IOException;
    }

    /** The endpoint's answer, or the next queued fault's instead (the endpoint then does nothing, not even issue). */
    private void answer(HttpExchange exchange, Endpoint endpoint) throws IOException {
        try (exchange) {
            boolean token = exchange.getRequestURI().getPath().startsWith("/AuthServer");
            Fault fault = (token ? tokenFaults : summaryFaults).poll();
            Answer answer;
            if (fault == null) {
                answer = endpoint.handle(exchange);
            } else {
                (token ? tokenRequests : summaryRequests).incrementAndGet();
                if (fault.delay() != null) {
                    closed.await(fault.delay().toMillis(), TimeUnit.MILLISECONDS);
                    answer = Answer.text(504, "Gateway Timeout");
                } else {
                    answer = fault.answer();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return query;
    }

    private static Integer number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String href(int pageSize, int pageNumber) {
        return "/inventory/stocksummaries?pgsiz=" + pageSize + "&pgnum=" + pageNumber;
    }

    /** Always with a decimal point, as the vendor sends quantities ({@code 80.0}). */
    private static BigDecimal decimal(BigDecimal value) {
        return value.scale() < 1 ? value.setScale(1) : value;
    }

    private record Row(
            long customerId, long facilityId, String sku, long itemId, String qualifier, BigDecimal available) {}

    record Answer(int status, String body, String contentType, Map<String, String> headers) {

        static Answer text(int status, String body) {
            return new Answer(status, body, "text/plain; charset=utf-8", Map.of());
        }

        static Answer json(int status, String body, String contentType) {
            return new Answer(status, body, contentType, Map.of());
        }
    }

    /** What the next request gets instead of its answer: another answer, or its answer after a delay. */
    record Fault(Answer answer, Duration delay) {

        /** A 500 as the vendor sends it: plain text, not one of its exception types. */
        static Fault serverError(String text) {
            return new Fault(Answer.text(500, text), null);
        }

        static Fault delayedBy(Duration delay) {
            return new Fault(null, delay);
        }

        static Fault throttled(String retryAfter) {
            Map<String, String> headers = retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter);
            return new Fault(new Answer(429, "Too Many Requests", "text/plain", headers), null);
        }

        static Fault vendorException(int status, String errorCode, String hint) {
            return new Fault(
                    new Answer(
                            status,
                            "{\"$type\":\"WMS.V2.Generic.Models.Exceptions.QueryParameterException,"
                                    + " WMS.V2.Generic.Models\",\"ErrorCode\":\"" + errorCode + "\",\"Hint\":\""
                                    + hint + "\"}",
                            JSON,
                            Map.of()),
                    null);
        }

        static Fault malformed(String body) {
            return new Fault(new Answer(200, body, HAL_JSON, Map.of()), null);
        }
    }
}
