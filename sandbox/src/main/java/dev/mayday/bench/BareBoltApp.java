package dev.mayday.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.MessageEvent;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.slack.requests.RequestSignature;
import dev.mayday.slack.requests.SignedRequests;
import io.javalin.Javalin;

import java.time.Clock;
import java.util.List;

/**
 * The baseline: Bolt on Javalin through the same adapter Mayday uses, with signature checks, whose
 * {@code /incident} handler only acknowledges with a fixed text, and whose message-event handler only acknowledges.
 * No store, no Slack calls.
 */
final class BareBoltApp implements AutoCloseable {

    private final Slack slack;
    private final Javalin javalin;

    private BareBoltApp(Slack slack, Javalin javalin) {
        this.slack = slack;
        this.javalin = javalin;
    }

    /** {@code BareBoltApp <port> <slack api url>}, with the bench token and secret; the benchmark runs it as a child. */
    public static void main(String[] args) throws InterruptedException {
        BareBoltApp app = start(Benchmark.TOKEN, Benchmark.SECRET, args[1], Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "bare-shutdown"));
        Thread.currentThread().join();
    }

    static BareBoltApp start(String token, String secret, String slackApiUrl) {
        return start(token, secret, slackApiUrl, 0);
    }

    static BareBoltApp start(String token, String secret, String slackApiUrl, int port) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(slackApiUrl);
        Slack slack = Slack.getInstance(slackConfig);
        AppConfig config = AppConfig.builder().singleTeamBotToken(token).signingSecret(secret).slack(slack).build();
        RequestSignature signature = new RequestSignature(secret, Clock.systemUTC());
        App app = new App(config, List.of(new SSLCheck(null), new SignedRequests(signature)));
        app.command("/incident", (req, ctx) -> ctx.ack("Noted."));
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        BoltJavalinAdapter adapter = new BoltJavalinAdapter(app, signature);
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/slack/events", adapter::handle);
        }).start("127.0.0.1", port);
        return new BareBoltApp(slack, javalin);
    }

    int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        try {
            slack.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}
