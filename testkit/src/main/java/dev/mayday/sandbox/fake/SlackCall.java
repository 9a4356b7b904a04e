package dev.mayday.sandbox.fake;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request the fake received. Nested values (blocks, view, metadata, files…) are kept as the
 * JSON string the client sent, whether it came in a form field or inside a JSON body.
 */
public record SlackCall(String method, Map<String, String> params, String authorization, Instant receivedAt) {

    public SlackCall {
        Objects.requireNonNull(method, "method");
        params = Map.copyOf(params);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The parameter's value, or null when the client did not send it. */
    public String param(String key) {
        return params.get(key);
    }
}
