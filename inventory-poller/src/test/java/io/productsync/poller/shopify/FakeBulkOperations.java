package io.productsync.poller.shopify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's bulk operations (https://shopify.dev/docs/api/usage/bulk-operations/queries): validates the bulk query
 * against the schema and the bulk limits (1 to 5 connections, nested at most two deep, no root {@code node(s)}),
 * refuses a second one while one runs (one at a time, as before 2026-01), moves each through CREATED, RUNNING and the
 * end a test chose, one step per poll, and serves the JSONL file from a storage host of its own, as Shopify does:
 * no token, a signed link. The file is written as it is read, a window of variants at a time through the real schema,
 * every connection's nodes a row, nested ones with {@code __parentId}.
 */
final class FakeBulkOperations implements AutoCloseable {

    /** The variants one execution of a bulk query reads: {@code size} after the variant {@code afterId}. */
    record Window(long afterId, int size) {}

    private record Hold(int rows, CountDownLatch released) {}

    private static final int WINDOW = ShopifySettings.MAX_PAGE_SIZE;

    private static final class Operation {
        final String id;
        final String query;
        final String signature = UUID.randomUUID().toString();
        String status = "CREATED";
        String errorCode;
        int polls;

        Operation(String id, String query) {
            this.id = id;
            this.query = query;
        }
    }

    private final FakeShop shop;
    private final HttpServer storage;
    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final List<String> validationErrors = new ArrayList<>();
    private final AtomicInteger filesStarted = new AtomicInteger();
    private final AtomicInteger filesFinished = new AtomicInteger();
    private volatile Hold hold;
    private volatile int cutAfterRows = -1;
    private int pollsRunning = 2;
    private String endStatus = "COMPLETED";
    private String endErrorCode;

    FakeBulkOperations(FakeShop shop) {
        this.shop = shop;
        try {
            storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        storage.setExecutor(writers);
        storage.createContext("/", this::serveFile);
        storage.start();
    }

    /** How many polls of a new operation answer RUNNING before it ends (default 2). */
    synchronized void pollsWhileRunning(int polls) {
        pollsRunning = polls;
    }

    /** How new operations end: COMPLETED (the default), FAILED, CANCELED or EXPIRED, with an error code or null. */
    synchronized void endWith(String status, String errorCode) {
        endStatus = status;
        endErrorCode = errorCode;
    }

    /** Files stop once they hold {@code rows} rows, until the latch is released (or a minute has passed). */
    CountDownLatch holdFilesAfter(int rows) {
        Hold next = new Hold(rows, new CountDownLatch(1));
        hold = next;
        return next.released();
    }

    /** Files break off (the connection drops) once they hold {@code rows} rows. */
    void cutFilesAfter(int rows) {
        cutAfterRows = rows;
    }

    /** Bulk queries accepted. */
    synchronized int started() {
        return operations.size();
    }

    /** Downloads of a file begun, and written to their end. */
    int filesStarted() {
        return filesStarted.get();
    }

    int filesFinished() {
        return filesFinished.get();
    }

    synchronized List<String> validationErrors() {
        return List.copyOf(validationErrors);
    }

    @Override
    public void close() {
        storage.stop(0);
        writers.shutdownNow();
    }

    synchronized Object runQuery(DataFetchingEnvironment environment) {
        String query = environment.getArgument("query");
        String invalid = invalid(query);
        if (invalid != null) {
            validationErrors.add("bulk query: " + invalid);
            return payload(null, "INVALID", invalid);
        }
        for (Operation running : operations.values()) {
            if (!ended(running)) {
                return payload(
                        null,
                        "OPERATION_IN_PROGRESS",
                        "A bulk query operation for this app and shop is already in progress: " + running.id + ".");
            }
        }
        Operation operation = new Operation("gid://shopify/BulkOperation/" + (operations.size() + 1), query);
        operations.put(operation.id, operation);
        return payload(describe(operation), null, null);
    }

    /** {@code bulkOperation(id:)}: each poll moves the operation one step on. */
    synchronized Object operation(DataFetchingEnvironment environment) {
        Operation operation = operations.get((String) environment.getArgument("id"));
        return operation == null ? null : describe(poll(operation));
    }

    /** {@code currentBulkOperation}: the latest query operation, polled the same way. */
    synchronized Object current(DataFetchingEnvironment environment) {
        if (operations.isEmpty() || "MUTATION".equals(String.valueOf(environment.getArgument("type")))) {
            return null;
        }
        List<Operation> all = new ArrayList<>(operations.values());
        return describe(poll(all.get(all.size() - 1)));
    }

    private Operation poll(Operation operation) {
        if (!ended(operation)) {
            operation.polls++;
            if (operation.polls <= pollsRunning) {
                operation.status = "RUNNING";
            } else {
                operation.status = endStatus;
                operation.errorCode = endErrorCode;
            }
        }
        return operation;
    }

    private static boolean ended(Operation operation) {
        return !List.of("CREATED", "RUNNING", "CANCELING").contains(operation.status);
    }

    private Map<String, Object> describe(Operation operation) {
        int variants = shop.variantIds().size();
        boolean completed = "COMPLETED".equals(operation.status);
        Map<String, Object> described = new HashMap<>();
        described.put("id", operation.id);
        described.put("status", operation.status);
        described.put("errorCode", operation.errorCode);
        described.put("type", "QUERY");
        described.put("query", operation.query);
        described.put("createdAt", "2026-11-27T09:00:00Z");
        described.put("completedAt", completed ? "2026-11-27T09:01:00Z" : null);
        // UnsignedInt64 travels as a string
        described.put("objectCount", String.valueOf(completed ? variants : operation.polls * variants / 3));
        described.put("rootObjectCount", String.valueOf(completed ? variants : 0));
        // Shopify gives no file for an operation that found nothing
        described.put("url", completed && variants > 0 ? fileUrl(operation) : null);
        described.put("partialDataUrl", null);
        return described;
    }

    private String fileUrl(Operation operation) {
        return "http://127.0.0.1:" + storage.getAddress().getPort() + "/" + number(operation) + ".jsonl?signature="
                + operation.signature;
    }

    private static String number(Operation operation) {
        return operation.id.substring(operation.id.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> payload(Object operation, String code, String message) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("bulkOperation", operation);
        payload.put(
                "userErrors",
                code == null
                        ? List.of()
                        : List.of(Map.of("code", code, "field", List.of("query"), "message", message)));
        return payload;
    }

    /** Why Shopify would refuse this bulk query, or null. */
    private static String invalid(String query) {
        ParseAndValidateResult checked = ParseAndValidate.parseAndValidate(
                AdminSchema.schema(), ExecutionInput.newExecutionInput(query).build());
        if (checked.isFailure()) {
            return "Invalid bulk query: "
                    + String.join(
                            "; ",
                            checked.getErrors().stream()
                                    .map(GraphQLError::getMessage)
                                    .toList());
        }
        Document document = checked.getDocument();
        List<OperationDefinition> definitions = document.getDefinitionsOfType(OperationDefinition.class);
        if (definitions.size() != 1 || definitions.get(0).getOperation() != OperationDefinition.Operation.QUERY) {
            return "Invalid bulk query: it must be one query";
        }
        OperationDefinition definition = definitions.get(0);
        if (!definition.getVariableDefinitions().isEmpty()) {
            return "Invalid bulk query: a bulk query takes no variables";
        }
        for (Selection<?> root : definition.getSelectionSet().getSelections()) {
            if (root instanceof Field field
                    && (field.getName().equals("node") || field.getName().equals("nodes"))) {
                return "Invalid bulk query: the top-level node and nodes fields can't be used";
            }
        }
        List<Integer> connections = new ArrayList<>();
        connections(definition.getSelectionSet(), AdminSchema.schema().getQueryType(), 0, connections);
        if (connections.isEmpty()) {
            return "Invalid bulk query: it must contain at least one connection";
        }
        if (connections.size() > 5) {
            return "Invalid bulk query: it contains " + connections.size() + " connections, at most 5 are allowed";
        }
        if (connections.stream().anyMatch(depth -> depth > 2)) {
            return "Invalid bulk query: connections are nested more than 2 levels deep";
        }
        return null;
    }

    /** Adds the nesting depth of every connection field under {@code selections}. */
    private static void connections(
            SelectionSet selections, GraphQLFieldsContainer parent, int depth, List<Integer> found) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null) {
                GraphQLType type =
                        AdminSchema.schema().getType(fragment.getTypeCondition().getName());
                if (type instanceof GraphQLFieldsContainer container) {
                    connections(fragment.getSelectionSet(), container, depth, found);
                }
            } else if (selection instanceof Field field && !field.getName().startsWith("__")) {
                GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
                GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
                int nested = depth;
                if (GraphQLTypeUtil.simplePrint(type).endsWith("Connection")) {
                    nested = depth + 1;
                    found.add(nested);
                }
                if (field.getSelectionSet() != null && type instanceof GraphQLFieldsContainer container) {
                    connections(field.getSelectionSet(), container, nested, found);
                }
            }
        }
    }

    /** A failure while writing drops the connection: the file ends without its last chunk, not cleanly. */
    private void serveFile(HttpExchange exchange) throws IOException {
        Operation operation = file(exchange);
        if (operation == null) {
            // what a storage host answers a link whose signature does not match
            try (exchange) {
                byte[] denied = "<Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, denied.length);
                exchange.getResponseBody().write(denied);
            }
            return;
        }
        filesStarted.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
        exchange.sendResponseHeaders(200, 0);
        Writer out = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8);
        List<Long> ids = shop.variantIds();
        Hold held = hold;
        for (int from = 0; from < ids.size(); from += WINDOW) {
            long afterId = from == 0 ? 0 : ids.get(from - 1);
            for (Map<String, Object> row : rows(operation.query, new Window(afterId, WINDOW))) {
                out.write(GraphQlClient.JSON.writeValueAsString(row));
                out.write('\n');
            }
            out.flush();
            if (cutAfterRows >= 0 && from + WINDOW >= cutAfterRows) {
                throw new IOException("the fake drops the connection after " + cutAfterRows + " rows");
            }
            if (held != null && from < held.rows() && from + WINDOW >= held.rows()) {
                awaitRelease(held.released());
            }
        }
        out.flush();
        exchange.close();
        filesFinished.incrementAndGet();
    }

    private synchronized Operation file(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        for (Operation operation : operations.values()) {
            if ("COMPLETED".equals(operation.status)
                    && path.equals("/" + number(operation) + ".jsonl")
                    && ("signature=" + operation.signature).equals(query)) {
                return operation;
            }
        }
        return null;
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One window of the query's result as JSONL rows: each connection's nodes, nested ones after their parent. */
    private List<Map<String, Object>> rows(String query, Window window) {
        ExecutionResult result = AdminSchema.GRAPHQL.execute(ExecutionInput.newExecutionInput(query)
                .graphQLContext(Map.of(FakeShop.class, shop, Window.class, window))
                .build());
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("the fake could not run the bulk query: " + result.getErrors());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> data = result.getData();
        for (Object root : data.values()) {
            flatten(root, null, rows);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Object value, Object parentId, List<Map<String, Object>> rows) {
        if (!(value instanceof Map<?, ?> connection)) {
            return;
        }
        List<Object> nodes = new ArrayList<>();
        if (connection.get("edges") instanceof List<?> edges) {
            edges.forEach(edge -> nodes.add(((Map<String, Object>) edge).get("node")));
        } else if (connection.get("nodes") instanceof List<?> list) {
            nodes.addAll(list);
        }
        for (Object node : nodes) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) node);
            List<Object> children = new ArrayList<>();
            row.entrySet().removeIf(field -> {
                boolean nested = field.getValue() instanceof Map<?, ?> map
                        && (map.get("edges") instanceof List || map.get("nodes") instanceof List);
                if (nested) {
                    children.add(field.getValue());
                }
                return nested;
            });
            if (parentId != null) {
                row.put("__parentId", parentId);
            }
            rows.add(row);
            children.forEach(child -> flatten(child, row.get("id"), rows));
        }
    }
}
