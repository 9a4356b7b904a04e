package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.http.BearerToken;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.http.Health;
import dev.mayday.http.HttpServer;
import dev.mayday.http.MetricsEndpoint;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.http.StoreProbe;
import dev.mayday.metrics.Metrics;

import java.time.Clock;

/** The HTTP server: Slack's requests, PagerDuty's webhooks, the health check and the metrics. */
final class HttpWiring {

    private final HttpServer server;

    /** The metrics the server counts into and shows, and who may see them. */
    record Observed(Metrics metrics, MetricsConfig settings) {
    }

    HttpWiring(SlackWiring slack, PagerDutyWebhookEndpoint pagerDutyWebhook, Database database, Clock wallClock,
               Observed observed, Opened opened) {
        StoreProbe storeProbe = opened.add("the store probe", new StoreProbe(database, wallClock));
        MetricsEndpoint metrics = new MetricsEndpoint(observed.metrics(),
                observed.settings().token().map(BearerToken::new));
        this.server = opened.add("the HTTP server", new HttpServer(new BoltJavalinAdapter(slack.app(), slack.signature()),
                pagerDutyWebhook, new Health(storeProbe), metrics, observed.metrics().http()));
    }

    /** Starts listening; the port taken (the one asked for, or a free one for 0). */
    int start(String host, int port) {
        try {
            return server.start(host, port);
        } catch (RuntimeException e) {
            throw new StartFailed("cannot listen on port " + port, "PORT", e);
        }
    }
}
