package dev.mayday.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.Config;
import dev.mayday.PagerDutyConfig;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.PdOnCall;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;
import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.IsoWeek;
import dev.mayday.MaydayApp;
import dev.mayday.incident.Incident;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.fake.TranscriptLine;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code mayday demo}: the real server, a local fake Slack, and a scripted incident sent as signed HTTP requests,
 * exactly as Slack would send them. Prints each step, then what people in Slack saw because of it (the step waits for
 * Mayday's Slack work to finish first), with people and channels by name and dates as text; two runs print the same
 * transcript apart from times. {@code verbose} shows every App Home published and every error the fake Slack answered.
 */
public final class Demo {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";
    private static final String KIM = "U0KIM";
    private static final String ROBIN = "U0ROBIN";
    private static final Map<String, String> NAMES = Map.of(ALEX, "Alex", SAM, "Sam", KIM, "Kim", ROBIN, "Robin");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final String PD_TOKEN = "pd-demo-token-not-real";
    private static final String PD_SECRET = "pd-demo-webhook-secret-not-real";

    private final PrintStream out;
    private final boolean verbose;
    private Readable readable;
    private StepEffects effects;
    private FakePagerDuty pagerDuty;
    private URI webhookEndpoint;
    private FakeSlack slack;
    private MaydayApp app;
    private SlackSimulator simulator;
    private int shownEffects;

    public Demo(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    public int run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mayday-demo");
        try (FakeSlack fake = FakeSlack.start(); FakePagerDuty fakePagerDuty = FakePagerDuty.start(PD_TOKEN)) {
            slack = fake;
            readable = new Readable(NAMES, fake);
            effects = new StepEffects(readable, verbose);
            pagerDuty = fakePagerDuty;
            String general = fake.createChannelDirectly("general", false, ALEX).id();
            String announcements = fake.createChannelDirectly("incidents", false, ALEX).id();
            String secret = UUID.randomUUID().toString();
            Config config = new Config("xoxb-demo-not-a-real-token", secret, fake.apiUrl(),
                    "jdbc:sqlite:" + dir.resolve("demo.db"), 0, Optional.of(announcements), ZoneId.of("UTC"))
                    .withPagerDuty(new PagerDutyConfig(Optional.of(PD_TOKEN), fakePagerDuty.baseUrl(),
                            Optional.of(PD_SECRET), Optional.of("mayday@example.com"), PagerDutyConfig.DEFAULT_SEVERITY_MAP));
            try (MaydayApp started = MaydayApp.start(config, Clock.systemUTC(), "127.0.0.1")) {
                app = started;
                simulator = new SlackSimulator(URI.create("http://127.0.0.1:" + started.port() + "/slack/events"),
                        secret, fake::responseUrl);
                webhookEndpoint = URI.create("http://127.0.0.1:" + started.port() + "/pagerduty/webhook");
                out.println("Mayday demo: the real server, a fake Slack beside it and a fresh SQLite file, on this machine"
                        + (verbose ? " (Mayday on 127.0.0.1:" + started.port() + ", Slack on " + fake.apiUrl() + ")" : "")
                        + ".");
                out.println("Lines starting with '>' are what people did, and where; under each, what then appeared in "
                        + "Slack, channel by channel.");
                out.println("Slack shows people and dates in each reader's own way; here they are names and UTC.\n");
                script(general);
                new DemoDrills(out, this::command).restoreDrill(started, dir.resolve("demo.db"));
            }
        } finally {
            deleteQuietly(dir);
        }
        return 0;
    }

    private void script(String general) throws InterruptedException {
        command(ALEX, general, "duty add <@" + KIM + "|kim> engineer");
        command(ALEX, general, "duty add <@" + ROBIN + "|robin> manager");
        command(ALEX, general, "declare sev2 Checkout API returning 502s");
        command(ALEX, general, "declare sev3 Search results are stale");
        command(ALEX, general, "duty list");
        Incident incident = app.incidents().byId(1).orElseThrow();
        String channel = incident.place().channelId();
        command(ALEX, channel, "status identified");
        command(ALEX, channel, "update Rolled back deploy 4812; error rate is falling");
        command(ALEX, channel, "note The cache warm-up after the rollback took 6 minutes");
        command(ALEX, channel, "lead <@" + SAM + "|sam>");
        capturedMessage(channel);
        step("Sam, in " + where(channel) + ": uses the \"Add to timeline\" shortcut on a message", SAM,
                simulator.addToTimeline(SAM, channel, "1700000000.000200", ALEX, "p99 back under 300 ms since 10:42"));
        step("Sam, in " + where(channel) + ": picks \"Monitoring\" on the incident card", SAM,
                simulator.selectStatus(SAM, channel, "monitoring"));
        command(SAM, channel, "timeline");
        command(SAM, channel, "sev 9");
        command(SAM, general, "close");
        command(SAM, channel, "sev 3");
        command(SAM, channel, "resolve Rolled back deploy 4812; the fix ships in PR 4813");
        command(SAM, channel, "action Alert on 502 rate above 1% for 5 minutes <@" + KIM + "|kim>");
        command(SAM, channel, "learned The cache needs warming after a rollback");
        command(SAM, channel, "close");
        summary(app.incidents().byId(1).orElseThrow());
        postmortem();
        page();
        premortem(general);
        new DemoDrills(out, this::command).practiceIncident(app, ALEX, general);
        command(SAM, general, "digest");
        digest();
    }

    /** PagerDuty pages the on-call engineer; the page becomes an incident with its responders invited. */
    private void page() throws InterruptedException {
        pagerDuty.addUser("PKIM", "Kim Oncall", "kim@example.com");
        pagerDuty.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall("PKIM", 1)));
        slack.addUser(KIM, "kim@example.com", "kim");
        PdIncident paged = pagerDuty.putIncident(pagerDuty.addIncident("PDEMO1", "Database CPU above 95%")
                .withPriority("P2"));
        WebhookDeliveries webhooks = new WebhookDeliveries(PD_SECRET, Clock.systemUTC());
        SignedWebhook triggered = webhooks.triggered(paged);
        try {
            out.println("> PagerDuty sends incident.triggered for \"" + paged.title() + "\" (priority P2), twice");
            int first = webhooks.send(webhookEndpoint, triggered).statusCode();
            int again = webhooks.send(webhookEndpoint, triggered).statusCode();
            out.println("  (Mayday answered " + first + ", then " + again + " for the repeat)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        showEffects();
    }

    /**
     * A short pre-mortem before risky work: opened in its own pre- channel, two risks (one by :pushpin:), a mitigation,
     * the rollback plan, and the summary uploaded at close.
     */
    private void premortem(String general) throws InterruptedException {
        command(ROBIN, general, "premortem Move the checkout database to the new cluster");
        String channel = app.database().read(store -> store.premortems().byId(1)).orElseThrow().channelId();
        command(KIM, channel, "risk Replication lag hides the last writes at cut-over <@" + KIM + "|kim>");
        String ts = SlackSimulator.ts(Instant.now());
        String text = "What if the connection strings in the payment workers still point at the old cluster?";
        step("Sam, in " + where(channel) + ": posts \"" + text + "\"", SAM,
                simulator.deliver(simulator.message(SAM, channel, ts, text)));
        step("Robin, in " + where(channel) + ": reacts :pushpin: to Sam's message (a risk)", ROBIN,
                simulator.deliver(simulator.reactionAdded(ROBIN, "pushpin", channel, ts, SAM)));
        command(KIM, channel, "mitigate 1 Stop writes for 30 s and compare row counts before switching");
        command(ROBIN, channel, "rollback Point DATABASE_URL back at the old cluster: 10 minutes, no data loss");
        command(ROBIN, channel, "mitigate 7 typo");
        command(ROBIN, channel, "premortem close");
        String fileId = slack.calls("files.completeUploadExternal").stream().map(c -> c.param("files"))
                .filter(files -> files.contains("Pre-mortem summary")).findFirst().orElseThrow()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        out.println("The pre-mortem summary uploaded to its channel (" + fileId + "), also stored in SQLite:\n");
        out.println(readable.text(new String(slack.uploadedFile(fileId).orElseThrow(), StandardCharsets.UTF_8)));
    }

    /** The week's learnings digest so far, as `/incident digest` shows it and `mayday digest` prints it. */
    private void digest() {
        DigestFactsLoader facts = new DigestFactsLoader(app.database(), ZoneId.of("UTC"), DigestSettings.defaults());
        IsoWeek week = IsoWeek.containing(Instant.now(), ZoneId.of("UTC"));
        out.println("\nThe learnings digest of this week so far (what the weekly post to DIGEST_CHANNEL contains):\n");
        out.println(readable.text(Digest.build(facts.load(week, Instant.now())).toMarkdown()));
    }

    /** What Slack received as the post-mortem file: the draft as the team will read it. */
    private void postmortem() {
        String fileId = slack.calls("files.completeUploadExternal").get(0).param("files")
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        out.println("\nThe post-mortem draft uploaded to the incident channel (" + fileId + "), also stored in SQLite:\n");
        out.println(readable.text(new String(slack.uploadedFile(fileId).orElseThrow(), StandardCharsets.UTF_8)));
    }

    /** Chatter is captured from Slack's events; a 📌 makes it a key event; Slack's retries store nothing twice. */
    private void capturedMessage(String channel) throws InterruptedException {
        String ts = SlackSimulator.ts(Instant.now());
        String text = "Rollback finished: error rate back to 0.1%";
        ObjectNode message = simulator.message(ALEX, channel, ts, text);
        String eventId = simulator.newEventId();
        step("Alex, in " + where(channel) + ": posts \"" + text + "\" (Slack sends Mayday a message event)", ALEX,
                simulator.deliver(message, eventId));
        out.println("  Timeline: " + rowsFor(ts, TimelineKind.MESSAGE) + " message row for it (chatter, not a key event)\n");
        step("Sam, in " + where(channel) + ": reacts :pushpin: to Alex's message", SAM,
                simulator.deliver(simulator.reactionAdded(SAM, "pushpin", channel, ts, ALEX)));
        out.println("  Timeline: " + rowsFor(ts, TimelineKind.PINNED) + " key event (PINNED) for it\n");
        step("Slack delivers Alex's message event again (X-Slack-Retry-Num: 1, same event_id)", ALEX,
                simulator.redeliver(message, eventId, 1, "http_timeout"));
        out.println("  Stored once: " + rowsFor(ts, TimelineKind.MESSAGE) + " message row for it on the timeline\n");
    }

    private long rowsFor(String ts, TimelineKind kind) {
        return app.incidents().timeline(1).stream()
                .filter(e -> e.kind() == kind && ts.equals(e.slackTs()) && !e.deleted()).count();
    }

    private void command(String user, String channel, String text) throws InterruptedException {
        step(readable.name(user) + ", in " + where(channel) + ": /incident " + readable.text(text), user,
                simulator.command(user, channel, text));
    }

    /** Prints the step and Mayday's answer to it, waits for the Slack work it caused, and prints what that showed. */
    private void step(String what, String user, SlackSimulator.SlackReply reply) throws InterruptedException {
        out.println("> " + what);
        if (reply.status() != 200) {
            out.println("  ! Mayday answered HTTP " + reply.status() + ": " + reply.body());
        } else if (!reply.body().isBlank()) {
            out.println("  only " + readable.name(user) + " sees: " + readable.text(reply.text()).replace("\n", "\n    "));
        }
        showEffects();
    }

    private void showEffects() throws InterruptedException {
        if (!app.awaitSlackWork(10, TimeUnit.SECONDS)) {
            out.println("  ! Mayday's Slack work did not finish within 10 s; what it did so far:");
        }
        List<TranscriptLine> all = slack.effects();
        effects.print(all.subList(shownEffects, all.size()), out);
        shownEffects = all.size();
        out.println();
    }

    private String where(String channel) {
        return slack.channel(channel).map(c -> "#" + c.name()).orElse(channel);
    }

    private void summary(Incident incident) {
        out.println("Stored in SQLite: incident #" + incident.id() + " \"" + incident.title() + "\", "
                + incident.severity().label() + ", " + incident.status().label() + ", lead "
                + readable.name(incident.lead()) + ", declared " + when(incident.times().declaredAt())
                + ", acknowledged " + when(incident.times().acknowledgedAt()) + ", resolved "
                + when(incident.times().resolvedAt()) + ", closed " + when(incident.times().closedAt()));
        out.println("Timeline:");
        for (TimelineEntry entry : app.incidents().timeline(incident.id())) {
            String text = entry.kind() == TimelineKind.LEAD_CHANGED ? readable.name(entry.text()) : entry.text();
            out.println("  " + when(entry.occurredAt()) + "  " + entry.kind() + "  " + readable.name(entry.actor())
                    + "  " + readable.text(text));
        }
    }

    private static String when(Instant at) {
        return at == null ? "never" : WHEN.format(at);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
