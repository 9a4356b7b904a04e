package dev.mayday.http;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** The HTTP face of Mayday: every route and error mapping in one place. */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private final Javalin javalin;

    public HttpServer(BoltJavalinAdapter slack, PagerDutyWebhookEndpoint pagerDuty, Health health) {
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/slack/events", slack::handle);
            config.routes.post("/pagerduty/webhook", pagerDuty::handle);
            config.routes.get("/health", health::handle);
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Request to {} failed", ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error; nothing was stored"));
            });
        });
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
