package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a request into the flat string map tests assert on. Form posts already carry nested values
 * as JSON strings; JSON bodies are flattened to the same shape so both encodings look alike.
 */
final class RequestParams {

    private RequestParams() {}

    /** @throws IllegalArgumentException when the body is not parseable in its declared format */
    static Map<String, String> parse(String rawQuery, String contentType, byte[] body, ObjectMapper json) {
        Map<String, String> params = new LinkedHashMap<>();
        addForm(params, rawQuery);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return params;
        }
        String type = contentType == null ? "" : contentType.toLowerCase();
        boolean looksJson = type.contains("json") || (type.isBlank() && text.stripLeading().startsWith("{"));
        if (looksJson) {
            addJson(params, text, json);
        } else if (type.isBlank() || type.contains("x-www-form-urlencoded") || type.startsWith("text/")) {
            addForm(params, text);
        }
        // Other encodings (multipart) are not used by the Slack SDK for the methods faked here.
        return params;
    }

    private static void addForm(Map<String, String> params, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // A repeated key is how some clients send lists; Slack reads them comma-joined. The same value twice is one
            // value: the Java SDK (1.51) writes thread_ts twice into every chat.postMessage that has one.
            params.merge(key, value, (a, b) -> a.equals(b) ? a : a + "," + b);
        }
    }

    private static void addJson(Map<String, String> params, String text, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON body", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("JSON body is not an object");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull() || value.isMissingNode()) {
                continue;
            }
            params.put(field.getKey(), value.isContainerNode() ? value.toString() : value.asText());
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed form encoding: " + s, e);
        }
    }

    /** A number parameter; {@code fallback} when it is absent or not a number, as Slack is lenient there. */
    static int parseInt(String value, int fallback) {
        if (isBlank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean truthy(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
