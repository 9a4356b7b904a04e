package dev.mayday.sandbox.pagerduty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request the fake PagerDuty received. Header names are lower-cased; query keys are kept as sent after
 * decoding (so {@code escalation_policy_ids[]}), with every value of a repeated key.
 */
public record PdCall(PdRoute route, String method, String path, Map<String, List<String>> query,
                     Map<String, String> headers, String body, Instant receivedAt) {

    public PdCall {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The header's value, or null when the client did not send it. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> queryParams(String key) {
        return query.getOrDefault(key, List.of());
    }
}
