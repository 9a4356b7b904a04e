package dev.mayday.support;

import dev.mayday.Config;
import dev.mayday.DigestConfig;
import dev.mayday.PagerDutyConfig;
import dev.mayday.digest.DigestSchedule;
import dev.mayday.drill.BackupConfig;
import dev.mayday.drill.BackupSchedule;
import dev.mayday.rotation.DutyAdmins;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;
import dev.mayday.MaydayApp;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.retry.Sleeper;
import dev.mayday.timeline.TimelineEntry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The real server on loopback, a fake Slack beside it, and a fresh SQLite file: what every integration test needs. */
public final class Sandbox implements AutoCloseable {

    public static final String SECRET = "test-signing-secret-not-real";
    public static final String TOKEN = "xoxb-test-token-not-real";
    public static final Instant START = Instant.parse("2026-03-14T09:30:00Z");
    public static final String PAGERDUTY_TOKEN = "pd-test-token-not-real";
    public static final String PAGERDUTY_SECRET = "pd-webhook-secret-not-real";
    public static final String APP_TOKEN = "xapp-test-token-not-real";

    public final FakeSlack slack;
    public final FakePagerDuty pagerDuty;
    public final WebhookDeliveries webhooks;
    public MaydayApp app;
    public SlackSimulator simulator;
    public final TestClock clock = new TestClock(START);
    public final String generalChannel;
    public final String announceChannel;
    public final String digestChannel;

    private final Config config;
    private final List<MaydayApp> others = new ArrayList<>();
    private final Clock wallClock;
    private final Sleeper sleeper;

    private Sandbox(Path dir, String digestSchedule, Clock wallClock, Sleeper sleeper) {
        this("jdbc:sqlite:" + dir.resolve("mayday.db"), digestSchedule, wallClock, sleeper, DutyAdmins.everyone());
    }

    private Sandbox(String databaseUrl, String digestSchedule, Clock wallClock, Sleeper sleeper, DutyAdmins dutyAdmins) {
        this(databaseUrl, digestSchedule, wallClock, sleeper, dutyAdmins, UnaryOperator.identity());
    }

    private Sandbox(String databaseUrl, String digestSchedule, Clock wallClock, Sleeper sleeper, DutyAdmins dutyAdmins,
                    UnaryOperator<Config> adjust) {
        this.wallClock = wallClock;
        this.sleeper = sleeper;
        slack = FakeSlack.start(wallClock);
        pagerDuty = FakePagerDuty.start(PAGERDUTY_TOKEN);
        webhooks = new WebhookDeliveries(PAGERDUTY_SECRET, Clock.systemUTC());
        generalChannel = slack.createChannelDirectly("general", false, "U0ADMIN").id();
        announceChannel = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
        digestChannel = slack.createChannelDirectly("learnings", false, "U0ADMIN").id();
        Config base = new Config(TOKEN, SECRET, slack.apiUrl(), databaseUrl, 0,
                Optional.of(announceChannel), ZoneId.of("Europe/Berlin")).withPagerDuty(new PagerDutyConfig(
                Optional.of(PAGERDUTY_TOKEN), pagerDuty.baseUrl(), Optional.of(PAGERDUTY_SECRET),
                Optional.of("mayday@example.com"), PagerDutyConfig.DEFAULT_SEVERITY_MAP));
        Config configured = (digestSchedule == null ? base
                : base.withDigest(new DigestConfig(Optional.of(digestChannel),
                        DigestSchedule.parse(digestSchedule, ZoneId.of("Europe/Berlin")), 20)))
                .withDutyAdmins(dutyAdmins);
        config = adjust.apply(configured);
        startApp();
    }

    private void startApp() {
        app = MaydayApp.start(config, clock, "127.0.0.1", wallClock, sleeper);
        simulator = new SlackSimulator(URI.create(baseUrl() + "/slack/events"), SECRET, slack::responseUrl);
    }

    /** Stops the bot without waiting for its Slack work, and starts a new one on the same store and fake Slack. */
    public void restart() {
        app.close();
        startApp();
    }

    public static Sandbox start(Path dir) {
        return new Sandbox(dir, null, Clock.systemUTC(), Sleeper.REAL);
    }

    /** With {@code DUTY_ADMINS} set to {@code admins}, e.g. {@code U0BOSS,S0LEADS}. */
    public static Sandbox startWithDutyAdmins(Path dir, String admins) {
        return new Sandbox("jdbc:sqlite:" + dir.resolve("mayday.db"), null, Clock.systemUTC(), Sleeper.REAL,
                DutyAdmins.parse(admins));
    }

    /** In Socket Mode: Slack's requests come over the fake Slack's socket ({@code slack.socketMode()}), not HTTP. */
    public static Sandbox startInSocketMode(Path dir) {
        return new Sandbox("jdbc:sqlite:" + dir.resolve("mayday.db"), null, Clock.systemUTC(), Sleeper.REAL,
                DutyAdmins.everyone(), config -> config.withSlackAppToken(APP_TOKEN));
    }

    /** On the store at {@code databaseUrl}, for tests that give the store pragmas of their own. */
    public static Sandbox startOnStore(String databaseUrl) {
        return new Sandbox(databaseUrl, null, Clock.systemUTC(), Sleeper.REAL, DutyAdmins.everyone());
    }

    /**
     * Able to page: {@code PAGERDUTY_SERVICE_ID} is the fake's default service and {@code PAGE_LEAD_SEVERITIES} is
     * {@code leadPages} (the default, sev1 and sev2, when null).
     */
    public static Sandbox startWithPaging(Path dir, Set<Severity> leadPages) {
        return new Sandbox("jdbc:sqlite:" + dir.resolve("mayday.db"), null, Clock.systemUTC(), Sleeper.REAL,
                DutyAdmins.everyone(), paging(leadPages));
    }

    /** Able to page, as {@link #startWithPaging}, and with {@code DUTY_ADMINS} set to {@code admins}. */
    public static Sandbox startWithPagingAndDutyAdmins(Path dir, String admins) {
        return new Sandbox("jdbc:sqlite:" + dir.resolve("mayday.db"), null, Clock.systemUTC(), Sleeper.REAL,
                DutyAdmins.parse(admins), paging(null));
    }

    private static UnaryOperator<Config> paging(Set<Severity> leadPages) {
        return config -> config.withPagerDuty(config.pagerDuty().withPaging(Optional.of(FakePagerDuty.DEFAULT_SERVICE_ID),
                leadPages == null ? PagerDutyConfig.DEFAULT_LEAD_PAGE_SEVERITIES : leadPages));
    }

    /** Without {@code PAGERDUTY_API_TOKEN} (the webhook secret stays set). */
    public static Sandbox startWithoutPagerDutyToken(Path dir) {
        return new Sandbox("jdbc:sqlite:" + dir.resolve("mayday.db"), null, Clock.systemUTC(), Sleeper.REAL,
                DutyAdmins.everyone(), config -> config.withPagerDuty(new PagerDutyConfig(Optional.empty(),
                        config.pagerDuty().apiUrl(), config.pagerDuty().webhookSecret(), config.pagerDuty().fromEmail(),
                        config.pagerDuty().severityMap())));
    }

    /** With the weekly digest posting to the sandbox's #learnings channel at {@code schedule}. */
    public static Sandbox startWithDigest(Path dir, String schedule) {
        return new Sandbox(dir, schedule, Clock.systemUTC(), Sleeper.REAL);
    }

    /**
     * With the weekly digest posting to #learnings at {@code MON 09:00} and backups with their restore drills taken
     * into {@code backupDir} at {@code schedule} (e.g. {@code daily 03:00}), in the sandbox's zone.
     */
    public static Sandbox startWithBackups(Path dir, String schedule, Path backupDir) {
        return new Sandbox("jdbc:sqlite:" + dir.resolve("mayday.db"), "MON 09:00", Clock.systemUTC(), Sleeper.REAL,
                DutyAdmins.everyone(), config -> config.withBackups(new BackupConfig(Optional.of(backupDir),
                Optional.of(BackupSchedule.parse(schedule, ZoneId.of("Europe/Berlin"))), BackupConfig.DEFAULT_KEEP)));
    }

    /**
     * With Slack's retries, rate limits and outbox backoff timed on {@code wallClock}, and the fake Slack stamping its
     * calls with the same clock, so a test can run a long outage fast and still compare times exactly.
     */
    public static Sandbox startOnWallClock(Path dir, FastClock wallClock) {
        return new Sandbox(dir, null, wallClock, wallClock.sleeper());
    }

    /**
     * Another server on the same store and fake Slack, as a second process behind a load balancer (a PostgreSQL store:
     * a SQLite file's lock refuses a second server); closed with the sandbox.
     */
    public MaydayApp startAnotherServer() {
        MaydayApp another = MaydayApp.start(config, clock, "127.0.0.1", wallClock, sleeper);
        others.add(another);
        return another;
    }

    /** Signed requests as Slack sends them, to {@code server}. */
    public SlackSimulator simulatorFor(MaydayApp server) {
        return new SlackSimulator(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"), SECRET,
                slack::responseUrl);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Waits until the Slack work caused so far has been done. */
    public void settle() {
        try {
            assertThat(app.awaitSlackWork(15, TimeUnit.SECONDS)).as("Slack work finished").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public SlackSimulator.SlackReply command(String user, String channel, String text) {
        SlackSimulator.SlackReply reply = simulator.command(user, channel, text);
        settle();
        return reply;
    }

    /** Declares through the slash command and returns the new incident's channel id. */
    public String declare(String user, String text) {
        SlackSimulator.SlackReply reply = command(user, generalChannel, "declare " + text);
        assertThat(reply.status()).isEqualTo(200);
        List<Incident> all = incidents();
        return all.get(all.size() - 1).place().channelId();
    }

    public List<Incident> incidents() {
        return app.database().inTransaction(store -> store.incidents().all()).stream()
                .map(row -> app.incidents().byId(row.id()).orElseThrow()).toList();
    }

    public Incident incidentIn(String channel) {
        return app.incidents().byChannel(channel).orElseThrow();
    }

    public List<TimelineEntry> timeline(String channel) {
        return app.incidents().timeline(incidentIn(channel).id());
    }

    public List<SlackCall> calls(String method) {
        return slack.calls(method);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Delivers a PagerDuty webhook to Mayday, signed as PagerDuty would. */
    public HttpResponse<String> deliver(SignedWebhook webhook) {
        try {
            return webhooks.send(URI.create(baseUrl() + "/pagerduty/webhook"), webhook);
        } catch (Exception e) {
            throw new AssertionError("could not deliver the webhook", e);
        }
    }

    @Override
    public void close() {
        others.forEach(MaydayApp::close);
        app.close();
        slack.close();
        pagerDuty.close();
    }
}
