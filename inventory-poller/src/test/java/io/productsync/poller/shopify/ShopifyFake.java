package io.productsync.poller.shopify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;

/**
 * Shopify's Admin GraphQL endpoint for one store, on a free local port: checks the access token, validates every
 * document against the real 2026-04 schema, charges a leaky cost bucket and answers THROTTLED when it cannot pay,
 * then runs the document against a {@link FakeShop}.
 */
public final class ShopifyFake implements AutoCloseable {

    public static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    static final String SHOP_DOMAIN = "fake-shop.myshopify.com";

    private static final Pattern ENDPOINT = Pattern.compile("/admin/api/([^/]+)/graphql\\.json");

    private final FakeShop shop = new FakeShop();
    private final FakeBulkOperations bulk = new FakeBulkOperations(shop);
    private final FakeWebhooks webhooks = new FakeWebhooks();
    private final FakeCostBucket bucket;
    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();
    private final List<String> validationErrors = new ArrayList<>();
    private volatile int throttledStatus = 200;

    /** A Standard plan bucket: 2000 points, 100 restored per second. */
    public ShopifyFake(Clock clock) {
        this(2000, 100, clock);
    }

    ShopifyFake(double bucketMaximum, double restoreRate, Clock clock) {
        this.bucket = new FakeCostBucket(bucketMaximum, restoreRate, clock);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeShop shop() {
        return shop;
    }

    /** The store's webhook subscriptions and deliveries. */
    public FakeWebhooks webhooks() {
        return webhooks;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings that reach this fake at the pinned API version. */
    ShopifySettings settings() {
        return ShopifySettings.of(SHOP_DOMAIN, FakeShop.LOCATION, baseUrl());
    }

    /** Shopify's THROTTLED status is not settled (200 or 429): a test picks one. */
    void answerThrottledWith(int status) {
        throttledStatus = status;
    }

    void drainBucket() {
        bucket.drain();
    }

    /** Requests refused because the bucket could not pay for them: a client that obeys the budget sends none. */
    int throttledRequests() {
        return bucket.throttled();
    }

    /** Requests that reached the schema (authenticated, parsed). */
    int requestsServed() {
        return served.get();
    }

    /** The bulk operations of this store, and their knobs. */
    FakeBulkOperations bulk() {
        return bulk;
    }

    /** Query points the bucket charged for the requests it served. */
    double pointsSpent() {
        return bucket.spent();
    }

    synchronized List<String> validationErrors() {
        List<String> all = new ArrayList<>(validationErrors);
        all.addAll(bulk.validationErrors());
        return List.copyOf(all);
    }

    @Override
    public void close() {
        server.stop(0);
        bulk.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher endpoint = ENDPOINT.matcher(exchange.getRequestURI().getPath());
            if (!endpoint.matches() || !endpoint.group(1).equals(AdminSchema.VERSION)) {
                respond(exchange, 404, Map.of("errors", "Not Found"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("errors", "Method Not Allowed"));
                return;
            }
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
                respond(
                        exchange,
                        401,
                        Map.of(
                                "errors",
                                "[API] Invalid API key or access token (unrecognized login or wrong password)"));
                return;
            }
            Map<String, Object> request = GraphQlClient.JSON.readValue(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() {});
            served.incrementAndGet();
            respond(exchange, request);
        } catch (RuntimeException e) {
            respond(exchange, 500, Map.of("errors", "Internal error: " + e));
        }
    }

    private void respond(HttpExchange exchange, Map<String, Object> request) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables =
                request.get("variables") instanceof Map<?, ?> given ? (Map<String, Object>) given : Map.of();
        ExecutionInput input = ExecutionInput.newExecutionInput(String.valueOf(request.get("query")))
                .variables(variables)
                .operationName((String) request.get("operationName"))
                .graphQLContext(
                        Map.of(FakeShop.class, shop, FakeBulkOperations.class, bulk, FakeWebhooks.class, webhooks))
                .build();
        ParseAndValidateResult checked = ParseAndValidate.parseAndValidate(AdminSchema.schema(), input);
        if (checked.isFailure()) {
            // Shopify answers a document that does not fit its schema with HTTP 200 and top-level errors.
            respond(
                    exchange,
                    200,
                    Map.of(
                            "errors",
                            checked.getErrors().stream().map(this::schemaError).toList()));
            return;
        }
        double cost = QueryCost.of(checked.getDocument(), variables);
        if (!bucket.take(cost)) {
            respond(exchange, throttledStatus, throttled(cost));
            return;
        }
        ExecutionResult result = AdminSchema.GRAPHQL.execute(input);
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        body.put("extensions", Map.of("cost", cost(cost, cost)));
        respond(exchange, 200, body);
    }

    private Map<String, Object> schemaError(GraphQLError error) {
        String code = error instanceof ValidationError validation
                ? code(validation.getValidationErrorType().toString())
                : "parseError";
        synchronized (this) {
            validationErrors.add(code + ": " + error.getMessage());
        }
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("message", error.getMessage());
        shaped.put(
                "locations",
                error.getLocations() == null
                        ? List.of()
                        : error.getLocations().stream()
                                .map(at -> Map.of("line", at.getLine(), "column", at.getColumn()))
                                .toList());
        shaped.put("extensions", Map.of("code", code));
        return shaped;
    }

    /** The codes graphql-ruby (Shopify's server) gives the common validation failures; others keep graphql-java's. */
    private static String code(String validationErrorType) {
        return switch (validationErrorType) {
            case "FieldUndefined" -> "undefinedField";
            case "UnknownArgument" -> "argumentNotAccepted";
            case "MissingFieldArgument" -> "missingRequiredArguments";
            case "WrongType" -> "argumentLiteralsIncompatible";
            case "UnknownType" -> "undefinedType";
            case "UnknownDirective" -> "undefinedDirective";
            case "UndefinedVariable" -> "variableNotDefined";
            case "UnusedVariable" -> "variableNotUsed";
            default -> validationErrorType;
        };
    }

    private Map<String, Object> throttled(double requested) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "THROTTLED");
        extensions.put("documentation", "https://shopify.dev/api/usage/rate-limits");
        return Map.of(
                "errors",
                List.of(Map.of("message", "Throttled", "extensions", extensions)),
                "extensions",
                Map.of("cost", cost(requested, null)));
    }

    private Map<String, Object> cost(double requested, Double actual) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", (long) requested);
        cost.put("actualQueryCost", actual == null ? null : actual.longValue());
        cost.put("throttleStatus", bucket.status());
        return cost;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = GraphQlClient.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
