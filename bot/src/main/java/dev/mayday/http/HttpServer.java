package dev.mayday.http;

import dev.mayday.metrics.HttpMeters;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTTP face of Mayday: every route and error mapping in one place. */
public final class HttpServer implements AutoCloseable {

    /**
     * The largest request body read, in bytes. Slack's biggest payloads (a modal with many blocks) and PagerDuty's
     * webhooks stay far below it; a larger body is answered 413 before any handler sees it.
     */
    public static final int MAX_REQUEST_BYTES = 1_000_000;

    /** Oversized bodies up to this size are read and discarded so the client gets its 413; larger ones are not. */
    private static final int MAX_DRAINED_BYTES = 16 * MAX_REQUEST_BYTES;

    /** Longer than the ack window (2.5 s), within which every Slack request is answered. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private static final String SLACK = "/slack/events";
    private static final String PAGERDUTY = "/pagerduty/webhook";
    private static final String HEALTH = "/health";
    private static final String METRICS = "/metrics";
    /** The metrics' route label: one of these, or "other" (a label per path anyone can make up would grow without end). */
    private static final Set<String> ROUTES = Set.of(SLACK, PAGERDUTY, HEALTH, METRICS);

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private final Javalin javalin;

    /** {@code slack} is empty in Socket Mode, where Slack's requests come over the socket instead. */
    public HttpServer(Optional<BoltJavalinAdapter> slack, PagerDutyWebhookEndpoint pagerDuty, Health health,
                      MetricsEndpoint metrics, HttpMeters meters) {
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // on stop: refuse new connections at once, and let the requests in flight finish (they are short: each
            // answers within Slack's ack window) before their connections close
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.requestLogger.http((ctx, millis) -> count(meters, ctx, millis));
            config.routes.before(HttpServer::refuseOversizedBodies);
            slack.ifPresent(adapter -> config.routes.post(SLACK, adapter::handle));
            config.routes.post(PAGERDUTY, pagerDuty::handle);
            config.routes.get(HEALTH, health::handle);
            config.routes.get(METRICS, metrics::handle);
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Request to {} failed", ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error; nothing was stored"));
            });
        });
    }

    /** Counts an answered request; a Slack request's time to its answer is the acknowledgement Slack waits for. */
    private static void count(HttpMeters meters, Context ctx, float millis) {
        String route = ROUTES.contains(ctx.path()) ? ctx.path() : "other";
        meters.answered(route, ctx.statusCode());
        if (route.equals(SLACK)) {
            meters.slackAcknowledged(millis);
        }
    }

    /**
     * Answers 413 to a body over the limit. The body is read and thrown away first (up to {@link #MAX_DRAINED_BYTES}):
     * a client still uploading when the server closes the socket sees a reset instead of the reason.
     */
    private static void refuseOversizedBodies(Context ctx) throws IOException {
        int length = ctx.contentLength();
        if (length > MAX_REQUEST_BYTES) {
            if (length <= MAX_DRAINED_BYTES) {
                ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            ctx.status(413).json(Map.of("error", "request body is " + length + " bytes; the limit is "
                    + MAX_REQUEST_BYTES + " bytes"));
            ctx.skipRemainingHandlers();
        }
    }

    public int start(String host, int port) {
        javalin.start(host, port);
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
