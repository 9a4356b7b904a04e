package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.LeadPages;
import dev.mayday.incident.Paging;
import dev.mayday.incident.MessageDeclarations;
import dev.mayday.metrics.Metrics;
import dev.mayday.metrics.StoreGauges;
import dev.mayday.outbox.ProcessIdentity;
import dev.mayday.retry.Sleeper;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.slack.requests.SlackSurface;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: builds every part from the configuration and starts the server. Each feature area is wired
 * by a class of its own ({@code *Wiring}); this one says in which order, and closes what was opened.
 */
public final class MaydayApp implements AutoCloseable {

    private final int port;
    private final DeliveryWiring deliveries;
    private final Database database;
    private final SlackSurface surface;
    private final IncidentDirectory incidents;
    /** Closed in the reverse order of opening: stop taking requests first, release the store last. */
    private final Opened opened;

    private MaydayApp(int port, DeliveryWiring deliveries, Database database, SlackSurface surface,
                      IncidentDirectory incidents, Opened opened) {
        this.port = port;
        this.deliveries = deliveries;
        this.database = database;
        this.surface = surface;
        this.incidents = incidents;
        this.opened = opened;
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
     *
     * @throws ConfigException when the configuration cannot run (e.g. another server holds the store)
     * @throws StartFailed     when something else stops the start (e.g. the port is taken); either way, what was
     *                         opened is closed again and the message is one line
     */
    public static MaydayApp start(Config config, Clock clock, String host, Clock wallClock, Sleeper sleeper,
                                  Clock requestClock) {
        Clocks clocks = new Clocks(clock, wallClock, sleeper, requestClock);
        Opened opened = new Opened();
        try {
            return start(config, clocks, host, opened);
        } catch (ConfigException | StartFailed e) {
            opened.close();
            throw e;
        } catch (RuntimeException e) {
            opened.close();
            throw new StartFailed(e);
        }
    }

    private static MaydayApp start(Config config, Clocks clocks, String host, Opened opened) {
        Metrics metrics = opened.add("the metrics", new Metrics());
        Database database = new StoreWiring(config.databaseUrl(), opened).database();
        metrics.readAtScrape(new StoreGauges(database, clocks.wall()));
        SlackWiring slack = new SlackWiring(config, clocks, database, metrics.slackCalls(), opened);
        PagerDutyWiring pagerDuty = new PagerDutyWiring(config.pagerDuty(), clocks, opened);
        IncidentDirectory directory = new IncidentDirectory(database);
        PostmortemWiring postmortems = new PostmortemWiring(database, config.teamZone());
        DigestWiring digest = new DigestWiring(config, database, clocks.stored());
        ProcessIdentity identity = ProcessIdentity.random();
        DeliveryWiring deliveries = new DeliveryWiring(config, clocks, database, slack, directory, postmortems,
                pagerDuty, metrics.pagesAndReminders(), identity, opened);
        DutyWiring duty = new DutyWiring(config, database, clocks.stored(), slack.userGroups(),
                deliveries.rosterListener());
        PremortemWiring premortems = new PremortemWiring(database, clocks.stored(), deliveries.wake());
        deliveries.premortems(premortems);
        DeliveryWiring.Timers timers = deliveries.timers(duty, digest, opened);
        IncidentService incidents = new IncidentService(database, clocks.stored(), timers.notifier(),
                new LeadPages(new RotationPicker(), pagerDuty.leadPageSeverities()));
        SlackSurface surface = SlackHandlerWiring.register(config, clocks.stored(), slack,
                new SlackHandlerWiring.Features(database, directory, incidents, duty, postmortems, digest, pagerDuty,
                        timers.appHome(), new Paging(database, clocks.stored(), timers.notifier()),
                        deliveries.reminders(), new MessageDeclarations(database, incidents, timers.notifier()),
                        premortems));
        SocketModeWiring socketMode = new SocketModeWiring(config, slack);
        HttpWiring http = new HttpWiring(slack, socketMode.socket(),
                pagerDuty.webhook(database, incidents, timers.notifier(), clocks.stored(), metrics.webhooks()), database,
                clocks.wall(), new HttpWiring.Observed(metrics, config.metrics()), opened);
        int port = http.start(host, config.port());
        timers.start();
        socketMode.start(opened);
        return new MaydayApp(port, deliveries, database, surface, directory, opened);
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
     * Waits until the Slack work queued so far is done (outbox empty, replies sent, roster direct messages sent);
     * true when in time.
     */
    public boolean awaitSlackWork(long timeout, TimeUnit unit) throws InterruptedException {
        return deliveries.awaitIdle(timeout, unit);
    }

    /** Closes everything this start opened, in the reverse order; what fails to close is logged and passed over. */
    @Override
    public void close() {
        opened.close();
    }
}
