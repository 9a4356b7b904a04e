package dev.mayday;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.mayday.db.Database;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.http.Health;
import dev.mayday.http.HttpServer;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentService;
import dev.mayday.slack.AddToTimelineShortcut;
import dev.mayday.slack.AfterAck;
import dev.mayday.slack.Announcements;
import dev.mayday.slack.CardActions;
import dev.mayday.slack.ChannelProvisioner;
import dev.mayday.slack.DeclarationReplies;
import dev.mayday.slack.DeclareModal;
import dev.mayday.slack.IncidentCard;
import dev.mayday.slack.IncidentCommand;
import dev.mayday.slack.SlackGateway;
import dev.mayday.slack.SlackHandlers;
import dev.mayday.slack.SlackIncidentNotifier;
import dev.mayday.slack.SlackSurface;
import dev.mayday.slack.SlackTimes;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The composition root: builds every part from the configuration and starts the server. */
public final class MaydayApp implements AutoCloseable {

    private final HttpServer server;
    private final int port;
    private final Slack slack;
    private final AfterAck afterAck;
    private final Database database;
    private final SlackSurface surface;
    private final IncidentDirectory incidents;

    private MaydayApp(HttpServer server, int port, Slack slack, AfterAck afterAck, Database database,
                      SlackSurface surface, IncidentDirectory incidents) {
        this.server = server;
        this.port = port;
        this.slack = slack;
        this.afterAck = afterAck;
        this.database = database;
        this.surface = surface;
        this.incidents = incidents;
    }

    public static MaydayApp start(Config config, Clock clock, String host) {
        Database database = Database.open(config.databaseUrl());
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        Slack slack = Slack.getInstance(slackConfig);
        App app = new App(AppConfig.builder()
                .singleTeamBotToken(config.slackBotToken())
                .signingSecret(config.slackSigningSecret())
                .slack(slack)
                .build());

        SlackGateway gateway = new SlackGateway(slack.methods(config.slackBotToken()));
        AfterAck afterAck = new AfterAck();
        IncidentDirectory directory = new IncidentDirectory(database);
        IncidentCard card = new IncidentCard(new SlackTimes(config.teamZone()));
        DeclarationReplies replies = new DeclarationReplies();
        SlackIncidentNotifier notifier = new SlackIncidentNotifier(gateway,
                new ChannelProvisioner(gateway, config.teamZone()), directory, card,
                new Announcements(gateway, config.incidentsChannel()), replies, afterAck);
        IncidentService incidents = new IncidentService(database, clock, notifier);
        DeclareModal modal = new DeclareModal(incidents, gateway, replies);
        CardActions cardActions = new CardActions(incidents, afterAck);

        SlackHandlers handlers = new SlackHandlers(app)
                .command(IncidentCommand.NAME, new IncidentCommand(incidents, replies, modal, gateway, afterAck))
                .viewSubmission(DeclareModal.CALLBACK_ID, modal)
                .blockAction(IncidentCard.STATUS_ACTION, cardActions.status())
                .blockAction(IncidentCard.RESOLVE_ACTION, cardActions.resolve())
                .blockAction(IncidentCard.CLOSE_ACTION, cardActions.close())
                .messageShortcut(AddToTimelineShortcut.CALLBACK_ID, new AddToTimelineShortcut(incidents, afterAck));

        HttpServer server = new HttpServer(new BoltJavalinAdapter(app), new Health(database));
        int port = server.start(host, config.port());
        notifier.resumePending();
        return new MaydayApp(server, port, slack, afterAck, database, handlers.surface(), directory);
    }

    public int port() {
        return port;
    }

    public SlackSurface surface() {
        return surface;
    }

    public IncidentDirectory incidents() {
        return incidents;
    }

    public Database database() {
        return database;
    }

    /** Waits for the Slack work queued so far; true when it finished in time. */
    public boolean awaitSlackWork(long timeout, TimeUnit unit) throws InterruptedException {
        return afterAck.drain(timeout, unit);
    }

    @Override
    public void close() {
        server.close();
        afterAck.close();
        try {
            slack.close();
        } catch (Exception e) {
            // the process is stopping; nothing useful to do with a failure to release HTTP connections
        }
    }
}
