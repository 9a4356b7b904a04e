package dev.mayday;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.metrics.SlackCallMeters;
import dev.mayday.request.HandledRequests;
import dev.mayday.retry.RateLimitGate;
import dev.mayday.retry.RetryPolicy;
import dev.mayday.retry.StoredPauses;
import dev.mayday.slack.api.HotMethods;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.api.TokenCheck;
import dev.mayday.slack.api.UserGroupMembers;
import dev.mayday.slack.delivery.Announcements;
import dev.mayday.timeline.LatestUpdates;
import dev.mayday.slack.delivery.DeclarationReplies;
import dev.mayday.slack.requests.AckWindow;
import dev.mayday.slack.requests.AfterAck;
import dev.mayday.slack.requests.HandlerErrors;
import dev.mayday.slack.requests.KnownBotAuthorization;
import dev.mayday.slack.requests.ReplayGuard;
import dev.mayday.slack.requests.RequestSignature;
import dev.mayday.slack.requests.SeenRequests;
import dev.mayday.slack.requests.SignedRequests;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.slack.views.SlackTimes;

import java.util.List;

/**
 * Slack: the Web API client and the gateway every call goes through, the Bolt app with its middleware (signature,
 * bot token, replays), the executors that answer after the ack, and the views shared by handlers and deliveries.
 */
final class SlackWiring {

    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int CALL_TIMEOUT_MILLIS = 15_000;

    private final Slack client;
    private final SlackGateway gateway;
    private final RequestSignature signature;
    private final App app;
    private final AfterAck afterAck;
    private final AckWindow ackWindow;
    private final UserGroupMembers userGroups;
    private final IncidentCard card;
    private final DeclarationReplies replies = new DeclarationReplies();
    private final Announcements announcements;
    private final TokenCheck tokenCheck;

    SlackWiring(Config config, Clocks clocks, Database database, SlackCallMeters meters, Opened opened) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        slackConfig.setHttpClientReadTimeoutMillis(READ_TIMEOUT_MILLIS);
        slackConfig.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        // the SDK's per-method call counters: nothing reads them, and every call paid for them
        slackConfig.setStatsEnabled(false);
        Slack slack = opened.add("the Slack client", Slack.getInstance(slackConfig));
        this.client = slack;
        this.gateway = new SlackGateway(slack.methods(config.slackBotToken()),
                new HotMethods(slack, config.slackBotToken()), rateLimits(database, clocks),
                RetryPolicy.SLACK_CALL, clocks.sleeper(), meters);
        this.signature = new RequestSignature(config.slackSigningSecret(), clocks.requests());
        SeenRequests seenRequests = opened.add("the record of handled Slack requests",
                new SeenRequests(new HandledRequests(database), clocks.requests()));
        AppConfig appConfig = AppConfig.builder()
                .singleTeamBotToken(config.slackBotToken())
                .signingSecret(config.slackSigningSecret())
                .slack(slack)
                .build();
        this.app = new App(appConfig, List.of(
                new HandlerErrors(),
                new SSLCheck(null),
                new SignedRequests(signature),
                new KnownBotAuthorization(config.slackBotToken(), gateway),
                new ReplayGuard(seenRequests)));
        this.afterAck = opened.add("the after-ack worker", new AfterAck());
        this.ackWindow = opened.add("the ack window", new AckWindow(AckWindow.SLACK));
        this.userGroups = opened.add("the user-group cache", new UserGroupMembers(gateway, clocks.wall()));
        this.card = new IncidentCard(new SlackTimes(config.teamZone()));
        this.announcements = new Announcements(gateway, config.incidentsChannel(), new LatestUpdates(database),
                new SlackTimes(config.teamZone()));
        this.tokenCheck = opened.add("the token check", new TokenCheck(gateway, config.slackBotToken(),
                TokenCheck.EVERY)).start();
    }

    /**
     * Slack's 429s: on PostgreSQL, where several processes may share the store, each pause is stored for all of them;
     * a SQLite store has one process (its lock), which keeps its pauses in memory.
     */
    private static RateLimitGate rateLimits(Database database, Clocks clocks) {
        return database.kind() == StoreKind.POSTGRESQL
                ? new RateLimitGate(clocks.wall(), clocks.sleeper(), new StoredPauses(database))
                : new RateLimitGate(clocks.wall(), clocks.sleeper());
    }

    /** The Web API client every call goes through (one configuration: base URL, timeouts). */
    Slack client() {
        return client;
    }

    SlackGateway gateway() {
        return gateway;
    }

    RequestSignature signature() {
        return signature;
    }

    App app() {
        return app;
    }

    AfterAck afterAck() {
        return afterAck;
    }

    AckWindow ackWindow() {
        return ackWindow;
    }

    UserGroupMembers userGroups() {
        return userGroups;
    }

    IncidentCard card() {
        return card;
    }

    DeclarationReplies replies() {
        return replies;
    }

    Announcements announcements() {
        return announcements;
    }

    /** Whether Slack accepts the bot token, for the health check. */
    TokenCheck tokenCheck() {
        return tokenCheck;
    }
}
