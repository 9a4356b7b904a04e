package dev.mayday.sandbox.pagerduty;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the fake writes back for one exchange; an empty body is sent as no body at all. */
record PdReply(int status, byte[] body, Map<String, String> headers) {

    static PdReply json(int status, String body) {
        return new PdReply(status, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json; charset=utf-8"));
    }

    static PdReply empty(int status) {
        return new PdReply(status, new byte[0], Map.of());
    }

    PdReply withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new PdReply(status, body, Map.copyOf(merged));
    }
}
