package io.productsync.poller.extensiv;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a failed Extensiv answer says, in one line: the status, then the vendor's {@code ErrorCode: Hint} (its
 * PascalCase exception bodies), an OAuth {@code error: error_description}, or the first line of a plain-text body (a
 * 500 is plain text). Whatever the vendor wrote passes through the credential's redaction.
 */
final class VendorError {

    private static final int MAX_TEXT = 200;

    private VendorError() {}

    static String describe(HttpResponse<String> response, UnaryOperator<String> redact) {
        return "HTTP " + response.statusCode() + ": " + bodyText(response.body(), redact);
    }

    private static String bodyText(String body, UnaryOperator<String> redact) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String json = fromJson(body);
        // Redacted before it is shortened, so that no cut-off secret escapes.
        return shorten(redact.apply(json != null ? json : firstLine(body)));
    }

    private static String fromJson(String body) {
        JsonNode node;
        try {
            node = ExtensivJson.MAPPER.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        node.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asString());
            }
        });
        for (String[] pair : new String[][] {{"ErrorCode", "Hint"}, {"error", "error_description"}, {"Message", ""}}) {
            if (fields.containsKey(pair[0])) {
                String detail = fields.get(pair[1]);
                return fields.get(pair[0]) + (detail == null || detail.isBlank() ? "" : ": " + detail);
            }
        }
        return null;
    }

    private static String firstLine(String body) {
        return body.strip().lines().findFirst().orElse("").strip();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
