package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.http.Health;
import dev.mayday.http.HttpServer;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.http.StoreProbe;

import java.time.Clock;

/** The HTTP server: Slack's requests, PagerDuty's webhooks and the health check (the store, the bot token). */
final class HttpWiring {

    private final HttpServer server;

    HttpWiring(SlackWiring slack, PagerDutyWebhookEndpoint pagerDutyWebhook, Database database, Clock wallClock,
               Opened opened) {
        StoreProbe storeProbe = opened.add("the store probe", new StoreProbe(database, wallClock));
        this.server = opened.add("the HTTP server", new HttpServer(new BoltJavalinAdapter(slack.app(), slack.signature()),
                pagerDutyWebhook, new Health(storeProbe, slack.tokenCheck()::status)));
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
