package dev.mayday;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import dev.mayday.db.Database;
import dev.mayday.db.backup.StoreFile;
import dev.mayday.db.backup.StoreLock;
import dev.mayday.http.BoltJavalinAdapter;
import dev.mayday.http.Health;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.http.StoreProbe;
import dev.mayday.incident.PagerSync;
import dev.mayday.outbox.ChangePosted;
import dev.mayday.outbox.ChannelSetUp;
import dev.mayday.outbox.Deliveries;
import dev.mayday.outbox.Outbox;
import dev.mayday.outbox.PagerNote;
import dev.mayday.outbox.PagerResolve;
import dev.mayday.outbox.PagerResponders;
import dev.mayday.outbox.PostmortemRequested;
import dev.mayday.outbox.HandOffOffered;
import dev.mayday.outbox.HandOffTaken;
import dev.mayday.outbox.WeeklyDigest;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.outbox.RosterNotice;
import dev.mayday.pagerduty.CallPolicy;
import dev.mayday.pagerduty.PagerDutyClient;
import dev.mayday.pagerduty.PagerDutyDelivery;
import dev.mayday.pagerduty.PagerDutyEvents;
import dev.mayday.pagerduty.SeverityMapping;
import dev.mayday.pagerduty.WebhookParser;
import dev.mayday.pagerduty.WebhookSignature;
import dev.mayday.slack.PagerDutyCommand;
import dev.mayday.slack.DigestCommand;
import dev.mayday.slack.DigestDelivery;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestLedger;
import dev.mayday.digest.DigestSchedule;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.WeeklyDigests;
import dev.mayday.slack.ActionItemButton;
import dev.mayday.slack.FollowUpCommands;
import dev.mayday.slack.PostmortemPublisher;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.postmortem.Learnings;
import dev.mayday.postmortem.Postmortems;
import dev.mayday.http.HttpServer;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentService;
import dev.mayday.slack.AddToTimelineShortcut;
import dev.mayday.slack.AckWindow;
import dev.mayday.slack.AfterAck;
import dev.mayday.slack.BotIdentity;
import dev.mayday.slack.Announcements;
import dev.mayday.slack.CardActions;
import dev.mayday.slack.ChannelNameClaims;
import dev.mayday.slack.ChannelProvisioner;
import dev.mayday.slack.DeclarationReplies;
import dev.mayday.slack.DeclareModal;
import dev.mayday.slack.IncidentCard;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.RosterGuard;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.slack.DutyCommand;
import dev.mayday.slack.IncidentCommand;
import dev.mayday.slack.KnownBotAuthorization;
import dev.mayday.slack.SlackGateway;
import dev.mayday.slack.SlackHandlers;
import dev.mayday.slack.ChangePostedDelivery;
import dev.mayday.slack.ChannelSetUpDelivery;
import dev.mayday.slack.TaggedPosts;
import dev.mayday.slack.StalledChannelNotices;
import dev.mayday.slack.RateLimitGate;
import dev.mayday.slack.RosterDirectMessages;
import dev.mayday.slack.UserGroupMembers;
import dev.mayday.slack.ReplayGuard;
import dev.mayday.slack.RequestSignature;
import dev.mayday.slack.SeenRequests;
import dev.mayday.slack.SignedRequests;
import dev.mayday.retry.RetryPolicy;
import dev.mayday.slack.Sleeper;
import dev.mayday.slack.SlackSurface;
import dev.mayday.slack.SlackTimes;
import dev.mayday.slack.TimelineEvents;
import dev.mayday.slack.TimelineReply;
import dev.mayday.timeline.KeyTimeline;
import dev.mayday.timeline.TimelineCapture;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.rotation.HandOffs;
import dev.mayday.rotation.HomeFacts;
import dev.mayday.slack.AppHome;
import dev.mayday.slack.HandOffButton;
import dev.mayday.slack.HandOffOffers;
import dev.mayday.slack.HandOffOfferDelivery;
import dev.mayday.slack.HandOffTakenDelivery;
import dev.mayday.slack.HomeRefreshingNotifier;
import dev.mayday.slack.HomeAfterChannelSetUp;
import dev.mayday.slack.HomeRefreshDelivery;
import dev.mayday.slack.HomeRefreshes;
import dev.mayday.slack.HomeView;
import com.slack.api.model.event.AppHomeOpenedEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The composition root: builds every part from the configuration and starts the server. */
public final class MaydayApp implements AutoCloseable {

    private static final int SLACK_READ_TIMEOUT_MILLIS = 10_000;
    private static final int SLACK_CALL_TIMEOUT_MILLIS = 15_000;
    private static final int OUTBOX_WORKERS = 4;

    private final int port;
    private final AfterAck afterAck;
    private final Outbox outbox;
    private final Database database;
    private final SlackSurface surface;
    private final IncidentDirectory incidents;
    /** Closed in this order on shutdown: stop taking requests first, release HTTP clients last. */
    private final List<AutoCloseable> resources;

    private MaydayApp(int port, AfterAck afterAck, Outbox outbox, Database database, SlackSurface surface, IncidentDirectory incidents,
                      List<AutoCloseable> resources) {
        this.port = port;
        this.afterAck = afterAck;
        this.outbox = outbox;
        this.database = database;
        this.surface = surface;
        this.incidents = incidents;
        this.resources = resources;
    }

    public static MaydayApp start(Config config, Clock clock, String host) {
        return start(config, clock, host, Clock.systemUTC(), Sleeper.REAL);
    }

    /**
     * {@code clock} stamps what is stored (incidents, timelines, digests); {@code wallClock} and {@code sleeper} time
     * Slack's retries, rate limits and the outbox's backoff, so that a test can run a long outage faster.
     */
    public static MaydayApp start(Config config, Clock clock, String host, Clock wallClock, Sleeper sleeper) {
        return start(config, clock, host, wallClock, sleeper, Clock.systemUTC());
    }

    /**
     * {@code requestClock} is what Slack's request timestamps are checked against (the signature window): real time,
     * which Slack signs with, unless a test moves it.
     */
    public static MaydayApp start(Config config, Clock clock, String host, Clock wallClock, Sleeper sleeper,
                                  Clock requestClock) {
        // held while the server runs, so that a restore cannot replace the store under it
        StoreLock storeLock = StoreLock.tryAcquire(StoreFile.of(config.databaseUrl())).orElseThrow(() ->
                new ConfigException("Another Mayday server is using " + StoreFile.of(config.databaseUrl())
                        + " (DATABASE_URL): stop it first, or give this one its own store."));
        Database database = Database.open(config.databaseUrl());
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        slackConfig.setHttpClientReadTimeoutMillis(SLACK_READ_TIMEOUT_MILLIS);
        slackConfig.setHttpClientCallTimeoutMillis(SLACK_CALL_TIMEOUT_MILLIS);
        Slack slack = Slack.getInstance(slackConfig);
        SlackGateway gateway = new SlackGateway(slack.methods(config.slackBotToken()),
                new RateLimitGate(wallClock, sleeper), RetryPolicy.SLACK_CALL, sleeper);
        AppConfig appConfig = AppConfig.builder()
                .singleTeamBotToken(config.slackBotToken())
                .signingSecret(config.slackSigningSecret())
                .slack(slack)
                .build();
        RequestSignature signature = new RequestSignature(config.slackSigningSecret(), requestClock);
        SeenRequests seenRequests = new SeenRequests(database, requestClock);
        App app = new App(appConfig, List.of(
                new SSLCheck(null),
                new SignedRequests(signature),
                new KnownBotAuthorization(config.slackBotToken(), gateway),
                new ReplayGuard(seenRequests)));
        AfterAck afterAck = new AfterAck();
        AckWindow ackWindow = new AckWindow(AckWindow.SLACK);
        BotIdentity botIdentity = new BotIdentity(gateway);
        botIdentity.learn();
        IncidentDirectory directory = new IncidentDirectory(database);
        IncidentCard card = new IncidentCard(new SlackTimes(config.teamZone()));
        DeclarationReplies replies = new DeclarationReplies();
        PagerDutyConfig pd = config.pagerDuty();
        Optional<PagerDutyClient> pagerDuty = pd.apiToken().map(token ->
                new PagerDutyClient(pd.apiUrl(), token, pd.fromEmail().orElse(null), CallPolicy.DEFAULT));
        Announcements announcements = new Announcements(gateway, config.incidentsChannel());
        TaggedPosts taggedPosts = new TaggedPosts(gateway);
        PagerDutyDelivery pagerDutyDelivery = new PagerDutyDelivery(pagerDuty, gateway, directory, database);
        HomeRefreshes homeRefreshes = new HomeRefreshes(database, clock);
        Deliveries deliveries = new Deliveries()
                .on(ChannelSetUp.class, new HomeAfterChannelSetUp(new ChannelSetUpDelivery(gateway, taggedPosts,
                        new ChannelProvisioner(gateway, directory, new ChannelNameClaims(database), config.teamZone()),
                        directory, card, announcements, replies,
                        new StalledChannelNotices(gateway, announcements, database, clock)), directory, homeRefreshes))
                .on(ChangePosted.class, new ChangePostedDelivery(gateway, taggedPosts, directory, card, announcements))
                .on(PostmortemRequested.class, new PostmortemPublisher(new Postmortems(database, config.teamZone()),
                        gateway, directory, database, clock))
                .on(PagerResolve.class, pagerDutyDelivery.resolves())
                .on(PagerNote.class, pagerDutyDelivery.notes())
                .on(PagerResponders.class, pagerDutyDelivery.responders())
                .on(RosterNotice.class, new RosterDirectMessages(new DutyService(database, clock, config.teamZone()),
                        gateway));
        Outbox outbox = new Outbox(database, deliveries, wallClock, OUTBOX_WORKERS);
        deliveries.on(HomeRefresh.class, new HomeRefreshDelivery(gateway, new HomeFacts.Source(database, directory,
                new DutyService(database, clock, config.teamZone())), new HomeView(new SlackTimes(config.teamZone()))));
        AppHome appHome = new AppHome(homeRefreshes, outbox::wake);
        IncidentNotifier notifier = new HomeRefreshingNotifier(IncidentNotifier.waking(outbox::wake), homeRefreshes);
        IncidentService incidents = new IncidentService(database, clock, notifier, new RotationPicker());
        PagerDutyWebhookEndpoint pagerDutyWebhook = new PagerDutyWebhookEndpoint(
                pd.webhookSecret().map(WebhookSignature::new), new WebhookParser(),
                new PagerDutyEvents(SeverityMapping.parse(pd.severityMap())),
                new PagerSync(database, incidents, notifier, clock));
        DeclareModal modal = new DeclareModal(incidents, gateway, replies, ackWindow);
        CardActions cardActions = new CardActions(incidents, afterAck);

        TimelineEvents timelineEvents = new TimelineEvents(new TimelineCapture(database, clock));
        TimelineReply timelineReply = new TimelineReply(new KeyTimeline(database), config.teamZone());
        DigestLedger digestLedger = new DigestLedger(database, clock);
        DigestFactsLoader digestFacts = new DigestFactsLoader(database, config.teamZone(),
                DigestSettings.defaults().withBudgetHours(config.digest().budgetHours()));
        deliveries.on(WeeklyDigest.class, new DigestDelivery(digestFacts, digestLedger, taggedPosts,
                config.digest().channel(), clock));
        Optional<WeeklyDigests> weeklyDigests = config.digest().channel().map(channel -> new WeeklyDigests(
                DigestSchedule.parse(config.digest().schedule(), config.teamZone()), database, clock, outbox::wake));
        FollowUpCommands followUps = new FollowUpCommands(directory, incidents, new ActionItems(database),
                new Learnings(database), clock);
        HandOffs handOffs = new HandOffs(database, clock, config.leadHandoffAfter(),
                new DutyService(database, clock, config.teamZone()));
        HandOffOffers handOffOffers = new HandOffOffers(handOffs, outbox::wake, clock);
        deliveries.on(HandOffOffered.class, new HandOffOfferDelivery(handOffs, directory, taggedPosts))
                .on(HandOffTaken.class, new HandOffTakenDelivery(handOffs, directory, gateway));
        UserGroupMembers userGroups = new UserGroupMembers(gateway, wallClock);
        DutyService rosterChanges = new DutyService(database, clock, config.teamZone(),
                new RosterGuard(config.dutyAdmins(), userGroups), change -> outbox.wake());
        SlackHandlers handlers = new SlackHandlers(app)
                .command(IncidentCommand.NAME, new IncidentCommand(incidents, replies, modal, gateway, afterAck,
                        timelineReply, new DutyCommand(rosterChanges),
                        new PagerDutyCommand(pagerDuty, database), followUps,
                        new DigestCommand(digestFacts, digestLedger, clock), ackWindow))
                .blockAction(FollowUpCommands.DONE_ACTION, new ActionItemButton(followUps, afterAck))
                .viewSubmission(DeclareModal.CALLBACK_ID, modal)
                .blockAction(IncidentCard.STATUS_ACTION, cardActions.status())
                .blockAction(IncidentCard.RESOLVE_ACTION, cardActions.resolve())
                .blockAction(IncidentCard.CLOSE_ACTION, cardActions.close())
                .messageShortcut(AddToTimelineShortcut.CALLBACK_ID, new AddToTimelineShortcut(incidents, afterAck))
                .events(timelineEvents::register)
                .blockAction(HandOffButton.ACCEPT_ACTION, new HandOffButton(handOffs, incidents, directory, afterAck))
                .event(AppHomeOpenedEvent.class, appHome)
                .acknowledgeUnknownMessageSubtypes();

        StoreProbe storeProbe = new StoreProbe(database, wallClock);
        HttpServer server = new HttpServer(new BoltJavalinAdapter(app, signature), pagerDutyWebhook, new Health(storeProbe));
        int port = server.start(host, config.port());
        outbox.start();
        handOffOffers.start();
        List<AutoCloseable> resources = new ArrayList<>(List.<AutoCloseable>of(server, storeProbe, handOffOffers,
                userGroups, ackWindow, outbox, afterAck, botIdentity, slack, seenRequests, database, storeLock));
        pagerDuty.ifPresent(resources::add);
        weeklyDigests.ifPresent(timer -> {
            timer.start();
            resources.add(1, timer);
        });
        return new MaydayApp(port, afterAck, outbox, database, handlers.surface(), directory,
                List.copyOf(resources));
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

    /**
     * Waits until the Slack work queued so far is done (outbox empty, replies sent); true when in time.
     */
    public boolean awaitSlackWork(long timeout, TimeUnit unit) throws InterruptedException {
        return outbox.awaitIdle(timeout, unit) && afterAck.drain(timeout, unit) && outbox.awaitIdle(timeout, unit);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // the process is stopping; one part failing to close must not keep the others open
            }
        }
    }
}
