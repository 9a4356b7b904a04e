package dev.mayday.sandbox.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the server writes back for one exchange. */
record FakeReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static FakeReply json(int status, String body) {
        return new FakeReply(status, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static FakeReply text(int status, String body) {
        return new FakeReply(status, TEXT, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    FakeReply withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new FakeReply(status, contentType, body, Map.copyOf(merged));
    }
}
