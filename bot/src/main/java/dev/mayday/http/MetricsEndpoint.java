package dev.mayday.http;

import dev.mayday.metrics.Metrics;
import io.javalin.http.Context;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter in Prometheus's text format. With a token ({@code METRICS_TOKEN}) a scrape must
 * carry it as a bearer token; without one, or with another, the answer is 401 and no metric.
 */
public final class MetricsEndpoint {

    private final Metrics metrics;
    private final Optional<BearerToken> token;

    public MetricsEndpoint(Metrics metrics, Optional<BearerToken> token) {
        this.metrics = metrics;
        this.token = token;
    }

    public void handle(Context ctx) {
        if (token.isPresent() && !token.get().admits(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"mayday metrics\"");
            ctx.status(401).json(Map.of("error", "a bearer token is required (METRICS_TOKEN); none or a wrong one was sent"));
            return;
        }
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
