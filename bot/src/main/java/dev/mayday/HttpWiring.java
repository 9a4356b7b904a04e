package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.drill.DrillHistory;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.http.Health;
import dev.mayday.http.HttpServer;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.http.StoreProbe;
import dev.mayday.slack.socket.SocketMode;
import dev.mayday.slack.socket.SocketStatus;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** The HTTP server: Slack's requests (unless they come over Socket Mode), PagerDuty's webhooks and the health check. */
final class HttpWiring {

    private final HttpServer server;

    /** In Socket Mode ({@code socket} present) Slack's requests come over the socket: no Slack route is served. */
    HttpWiring(SlackWiring slack, Optional<SocketMode> socket, PagerDutyWebhookEndpoint pagerDutyWebhook,
               Database database, Clock wallClock, Opened opened) {
        StoreProbe storeProbe = opened.add("the store probe", new StoreProbe(database, wallClock));
        Optional<BoltJavalinAdapter> slackRoute = socket.isPresent() ? Optional.empty()
                : Optional.of(new BoltJavalinAdapter(slack.app(), slack.signature()));
        this.server = opened.add("the HTTP server", new HttpServer(slackRoute, pagerDutyWebhook,
                new Health(storeProbe, new DrillHistory(database, wallClock)::summary,
                        socket.<Supplier<SocketStatus>>map(open -> open::status))));
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
