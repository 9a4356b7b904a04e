package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.drill.DrillHistory;
import dev.mayday.http.BearerToken;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.http.Health;
import dev.mayday.http.HealthPart;
import dev.mayday.http.HttpServer;
import dev.mayday.http.MetricsEndpoint;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.http.StoreProbe;
import dev.mayday.slack.api.TokenCheck;
import dev.mayday.slack.api.TokenStatus;
import dev.mayday.slack.socket.SocketMode;
import dev.mayday.slack.socket.SocketStatus;
import dev.mayday.metrics.Metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP server: Slack's requests (unless they come over Socket Mode), PagerDuty's webhooks, the health check and
 * the metrics. */
final class HttpWiring {

    private final HttpServer server;

    /** The metrics the server counts into and shows, and who may see them. */
    record Observed(Metrics metrics, MetricsConfig settings) {
    }

    /** In Socket Mode ({@code socket} present) Slack's requests come over the socket: no Slack route is served. */
    HttpWiring(SlackWiring slack, Optional<SocketMode> socket, PagerDutyWebhookEndpoint pagerDutyWebhook,
               Database database, Clock wallClock, Observed observed, Opened opened) {
        StoreProbe storeProbe = opened.add("the store probe", new StoreProbe(database, wallClock));
        Optional<BoltJavalinAdapter> slackRoute = socket.isPresent() ? Optional.empty()
                : Optional.of(new BoltJavalinAdapter(slack.app(), slack.signature()));
        List<HealthPart> health = new ArrayList<>();
        health.add(token(slack.tokenCheck()));
        socket.ifPresent(open -> health.add(socket(open)));
        health.add(drill(new DrillHistory(database, wallClock)));
        MetricsEndpoint metrics = new MetricsEndpoint(observed.metrics(),
                observed.settings().token().map(BearerToken::new));
        this.server = opened.add("the HTTP server", new HttpServer(slackRoute, pagerDutyWebhook,
                new Health(storeProbe, health), metrics, observed.metrics().http()));
    }

    /** A token Slack refused, or one that is not a bot's, is unhealthy; Slack not answering is not. */
    private static HealthPart token(TokenCheck check) {
        return () -> {
            TokenStatus status = check.status();
            return new HealthPart.Report(Map.of("slack", status.state()), !status.refused());
        };
    }

    /** Without the socket no command, button or event reaches Mayday: disconnected is unhealthy, with the reason. */
    private static HealthPart socket(SocketMode socket) {
        return () -> {
            SocketStatus status = socket.status();
            return status.connected()
                    ? new HealthPart.Report(Map.of("socket", "connected"), true)
                    : new HealthPart.Report(Map.of("socket", "disconnected", "socket_reason", status.reason()), false);
        };
    }

    /** Information only: a failed drill is the team's to look at, not a reason to stop sending requests here. */
    private static HealthPart drill(DrillHistory drills) {
        return () -> {
            try {
                return HealthPart.Report.information(Map.of("drill", drills.summary()));
            } catch (RuntimeException unreadable) {
                return HealthPart.Report.information(Map.of("drill", Map.of("result", "unknown")));
            }
        };
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
