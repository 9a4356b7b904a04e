package dev.mayday.bench;

import dev.mayday.Config;
import dev.mayday.MaydayApp;
import dev.mayday.PagerDutyConfig;
import dev.mayday.db.Database;
import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFacts;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestReport;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.IsoWeek;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.postmortem.Permalinks;
import dev.mayday.postmortem.Postmortems;
import dev.mayday.sandbox.ServerProcess;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark of issue #8: starts the real server with the fake Slack and PagerDuty on loopback, drives it over
 * HTTP next to a bare Bolt-on-Javalin app, times the draft and digest on filled temporary stores, and prints one
 * table with every figure next to its target. Every loop is bounded by a count and by time.
 * {@code java -cp target/mayday.jar dev.mayday.bench.Benchmark [--quick]}
 */
public final class Benchmark {

    static final String TOKEN = "xoxb-bench-token-not-real";
    static final String SECRET = "bench-signing-secret-not-real";
    static final String PD_TOKEN = "pd-bench-token-not-real";
    static final String PD_SECRET = "pd-bench-webhook-secret-not-real";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String HOST = "127.0.0.1";
    /** Counted as an error: a 200 whose text tells the person the command failed. */
    static final int FAILED_REPLY = 599;
    /**
     * The flags the README recommends for running Mayday; the servers under test run with them, Mayday also with a
     * class-data archive (AppCDS) made by one earlier start, as the README describes.
     */
    static final List<String> SERVER_JVM_FLAGS = List.of("-Xmx192m", "-XX:+UseSerialGC");

    /** How much work each part does; every phase also stops at its time cap. */
    public record Sizes(String name, int warmup, int commandsPerLevel, Duration levelCap, int outageCommands,
                        int events, int eventClients, Duration ingestCap, int pagerDutyIncidents,
                        int webhookClients, int draftSmall, int draftLarge, int digestIncidents, int digestPeople,
                        Storm storm) {

        /** About 2–3 minutes on 2 cores. */
        public static Sizes standard() {
            return new Sizes("default", 500, 2_000, Duration.ofSeconds(10), 1_500, 6_000, 16,
                    Duration.ofSeconds(10), 600, 16, 10_000, 100_000, 5_000, 20, Storm.ISSUE_11);
        }

        /** About 30 s: fewer requests, same store sizes; the declare storm as the issue states it. */
        public static Sizes quick() {
            return new Sizes("quick", 200, 400, Duration.ofSeconds(2), 300, 1_200, 16,
                    Duration.ofSeconds(3), 120, 16, 10_000, 100_000, 5_000, 20, Storm.ISSUE_11);
        }

        /** For the smoke test: every row, tiny sizes. */
        public static Sizes tiny() {
            return new Sizes("tiny", 10, 30, Duration.ofSeconds(2), 20, 60, 4,
                    Duration.ofSeconds(2), 8, 4, 200, 1_000, 60, 5, new Storm(24, 8));
        }
    }

    /** The declare storm: {@code declares} distinct declarations from {@code clients} at once, one core kept busy. */
    public record Storm(int declares, int clients) {
        /** Issue 11's measure: 400 distinct declares from 64 clients. */
        static final Storm ISSUE_11 = new Storm(400, 64);
    }

    /** One line of the table; {@code met} is null for figures without a target. */
    record Row(String figure, String value, String target, Boolean met) {
    }

    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();

    public Benchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new Benchmark(System.out).run(args));
    }

    /** Runs with {@code --quick} (about 30 s) or {@code --tiny}, or the default sizes; 0 when it ran to the end. */
    public int run(String[] args) {
        List<String> list = List.of(args);
        Sizes sizes = list.contains("--tiny") ? Sizes.tiny() : list.contains("--quick") ? Sizes.quick() : Sizes.standard();
        try {
            run(sizes);
            return 0;
        } catch (Exception e) {
            out.println("benchmark failed: " + e);
            e.printStackTrace(out);
            printTable(sizes);
            return 1;
        }
    }

    List<Row> run(Sizes sizes) throws Exception {
        long begin = System.nanoTime();
        Path dir = Files.createTempDirectory("mayday-bench");
        try {
            serverPhases(sizes, dir);
            draftPhase(sizes, dir);
            phase("drafts");
            digestPhase(sizes, dir);
            phase("digest");
        } finally {
            deleteTree(dir);
        }
        out.printf(Locale.ROOT, "%nMayday benchmark (%s sizes, %d cores, %.0f s)%n", sizes.name(),
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - begin) / 1e9);
        printTable(sizes);
        return List.copyOf(rows);
    }

    // --- the servers --------------------------------------------------------------------------------

    private void serverPhases(Sizes sizes, Path dir) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); FakePagerDuty pagerDuty = FakePagerDuty.start(PD_TOKEN)) {
            String general = slack.createChannelDirectly("general", false, "U0ADMIN").id();
            String announce = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
            String databaseUrl = "jdbc:sqlite:" + dir.resolve("mayday.db");
            int port = ServerProcess.freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("DATABASE_URL", databaseUrl);
            env.put("PORT", String.valueOf(port));
            env.put("INCIDENTS_CHANNEL", announce);
            env.put("TEAM_TIMEZONE", ZONE.getId());
            env.put("PAGERDUTY_API_TOKEN", PD_TOKEN);
            env.put("PAGERDUTY_API_URL", pagerDuty.baseUrl());
            env.put("PAGERDUTY_WEBHOOK_SECRET", PD_SECRET);
            env.put("PAGERDUTY_FROM_EMAIL", "mayday@example.com");

            Path archive = dir.resolve("mayday.jsa");
            double firstStartMillis = firstStart(env, archive, dir);
            List<String> flags = new ArrayList<>(SERVER_JVM_FLAGS);
            if (Files.exists(archive)) {
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
            long t0 = System.nanoTime();
            ServerProcess app = ServerProcess.start(flags, "dev.mayday.Main", List.of("serve"), env, port,
                    dir.resolve("mayday-server.log"));
            ServerProcess bare = null;
            try {
                String base = "http://" + HOST + ":" + port;
                app.awaitHealthy(Duration.ofSeconds(30));
                double startMillis = (System.nanoTime() - t0) / 1e6;
                add("start to healthy (new JVM → GET /health 200)", String.format(Locale.ROOT,
                        "%s with the class-data archive, %s on the first start that made it (java %s -jar mayday.jar"
                                + " serve, JVM start and migrating a new store included)", ms(startMillis),
                        ms(firstStartMillis), String.join(" ", SERVER_JVM_FLAGS)), "≤ 3,000 ms", startMillis <= 3_000);

                int barePort = ServerProcess.freePort();
                bare = ServerProcess.start(SERVER_JVM_FLAGS, BareBoltApp.class.getName(),
                        List.of(String.valueOf(barePort), slack.apiUrl()), Map.of(), barePort, dir.resolve("bare.log"));
                bare.awaitListening(Duration.ofSeconds(30));
                StoreProbe store = new StoreProbe(databaseUrl);
                URI maydayUri = URI.create(base + "/slack/events");
                URI bareUri = URI.create("http://" + HOST + ":" + barePort + "/slack/events");
                List<String> channels = incidentChannels(store, new SlackSimulator(maydayUri, SECRET, slack::responseUrl),
                        general, 8);
                phase("setup");
                commands(sizes, slack, maydayUri, bareUri, channels, general);
                quiet(store);
                phase("commands");
                events(sizes, store, slack, maydayUri, bareUri, channels);
                quiet(store);
                phase("events");
                webhooks(sizes, pagerDuty, URI.create(base + "/pagerduty/webhook"));
                quiet(store);
                phase("webhooks");
                new DeclareStorm(sizes.storm(), slack, maydayUri, general, store).run(this::add);
                phase("declare storm");
                outage(sizes, slack, maydayUri, channels, general);
                phase("outage");
                memory(app);
            } finally {
                slack.endOutage();
                if (bare != null) {
                    bare.close();
                }
                app.close();
                phase("close");
            }
        }
    }

    /**
     * The first start on a machine: on a store of its own, writing the class-data archive when it stops, as the
     * README's one-time step does. Answers its start-to-healthy time.
     */
    private static double firstStart(Map<String, String> env, Path archive, Path dir) throws Exception {
        Map<String, String> firstEnv = new LinkedHashMap<>(env);
        int port = ServerProcess.freePort();
        firstEnv.put("PORT", String.valueOf(port));
        firstEnv.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("first-start.db"));
        List<String> flags = new ArrayList<>(SERVER_JVM_FLAGS);
        flags.add("-XX:ArchiveClassesAtExit=" + archive);
        long t0 = System.nanoTime();
        try (ServerProcess first = ServerProcess.start(flags, "dev.mayday.Main", List.of("serve"), firstEnv, port,
                dir.resolve("first-start.log"))) {
            first.awaitHealthy(Duration.ofSeconds(30));
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** Lets the outbox finish what a phase queued, so that phase's Slack work does not weigh on the next. */
    static void quiet(StoreProbe store) throws InterruptedException {
        if (!store.awaitOutboxIdle(Duration.ofSeconds(60))) {
            System.err.println("[bench] the outbox still had work after 60 s; going on");
        }
    }

    private static List<String> incidentChannels(StoreProbe store, SlackSimulator sim, String general, int count)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            SlackSimulator.SlackReply reply = sim.command("U0BENCH", general, "declare sev2 Bench incident " + i);
            if (reply.status() != 200) {
                throw new IllegalStateException("declare answered " + reply.status() + ": " + reply.body());
            }
        }
        store.awaitOutboxIdle(Duration.ofSeconds(30));
        List<String> channels = store.incidentChannels();
        if (channels.isEmpty()) {
            throw new IllegalStateException("no incident channel was created");
        }
        return channels;
    }

    /** Mayday's mix: 9 in 10 are notes in an incident channel (a timeline write), 1 in 10 declares (a new incident). */
    private static Load.Client maydayCommands(FakeSlack slack, URI uri, List<String> channels, String general) {
        SlackSimulator sim = new SlackSimulator(uri, SECRET, slack::responseUrl);
        return i -> {
            SlackSimulator.SlackReply reply = i % 10 == 9
                    ? sim.command("U0BENCH", general, "declare sev3 Load test " + i)
                    : sim.command("U0BENCH", channels.get(i % channels.size()), "note bench note " + i);
            // an ack that says ":x: … nothing was changed" is a failed command even though Slack sees a 200
            return reply.body() != null && reply.body().contains(":x:") ? FAILED_REPLY : reply.status();
        };
    }

    private static Load.Client bareCommands(FakeSlack slack, URI uri, List<String> channels) {
        SlackSimulator sim = new SlackSimulator(uri, SECRET, slack::responseUrl);
        return i -> sim.command("U0BENCH", channels.get(i % channels.size()), "note bench note " + i).status();
    }

    private void commands(Sizes sizes, FakeSlack slack, URI mayday, URI bare, List<String> channels, String general) {
        Load.run(4, sizes.warmup(), sizes.levelCap(), () -> maydayCommands(slack, mayday, channels, general));
        Load.run(4, sizes.warmup(), sizes.levelCap(), () -> bareCommands(slack, bare, channels));
        for (int clients : new int[]{1, 16, 64}) {
            Load.Result b = Load.run(clients, sizes.commandsPerLevel(), sizes.levelCap(),
                    () -> bareCommands(slack, bare, channels));
            Load.Result m = Load.run(clients, sizes.commandsPerLevel(), sizes.levelCap(),
                    () -> maydayCommands(slack, mayday, channels, general));
            add("ack, bare Bolt app, " + clients + " clients", latency(b), "baseline", null);
            add("ack, Mayday note/declare, " + clients + " clients", latency(m),
                    clients == 1 ? "(no target at 1)" : "p99 ≤ 1.5× bare", null);
            if (clients > 1) {
                double ratio = m.p99() / b.p99();
                add("ack p99 ratio Mayday/bare, " + clients + " clients", String.format(Locale.ROOT, "%.2f×", ratio),
                        "≤ 1.5×", ratio <= 1.5 && m.errors() == 0);
            }
        }
    }

    private void outage(Sizes sizes, FakeSlack slack, URI mayday, List<String> channels, String general) {
        slack.outage(FakeAnswer.delayed(Duration.ofSeconds(10)));
        try {
            Load.Result m = Load.run(16, sizes.outageCommands(), sizes.levelCap(),
                    () -> maydayCommands(slack, mayday, channels, general));
            add("ack while Slack hangs 10 s, Mayday, 16 clients", latency(m), "p99 and max ≤ 300 ms",
                    m.max() <= 300 && m.errors() == 0);
        } finally {
            slack.endOutage();
        }
    }

    private void events(Sizes sizes, StoreProbe store, FakeSlack slack, URI mayday, URI bare, List<String> channels) {
        Load.Result b = messageEvents(sizes, slack, bare, channels, "EvBARE");
        add("Events API, bare Bolt app (ack only), " + sizes.eventClients() + " clients", rate(b) + "; "
                + latency(b), "baseline", null);
        Load.Result r = messageEvents(sizes, slack, mayday, channels, "EvBENCH");
        int ok = r.count() - r.errors();
        long stored = store.count(
                "SELECT COUNT(*) FROM timeline_events WHERE kind = 'MESSAGE' AND text LIKE 'bench-event-%'");
        add("Events API ingest, " + sizes.eventClients() + " clients: events/s", rate(r), "≥ 2,000/s",
                r.perSecond() >= 2_000 && r.errors() == 0);
        add("Events API ingest p50/p99/max", latency(r), "p99 ≤ 50 ms", r.p99() <= 50 && r.errors() == 0);
        add("Events API: answered 200 / stored", ok + " / " + stored, "every 200 stored", stored >= ok);
    }

    /** Distinct messages into the incident channels, each a signed event_callback with its own event id. */
    private static Load.Result messageEvents(Sizes sizes, FakeSlack slack, URI uri, List<String> channels,
                                             String eventIdPrefix) {
        long baseSecond = Instant.now().getEpochSecond();
        return Load.run(sizes.eventClients(), sizes.events(), sizes.ingestCap(), () -> {
            SlackSimulator sim = new SlackSimulator(uri, SECRET, slack::responseUrl);
            return i -> {
                String ts = String.format(Locale.ROOT, "%d.%06d", baseSecond + i / 1_000_000, i % 1_000_000);
                return sim.deliver(sim.message("U0BENCH", channels.get(i % channels.size()), ts,
                        "bench-event-" + i), String.format(Locale.ROOT, "%s%08d", eventIdPrefix, i)).status();
            };
        });
    }

    private void webhooks(Sizes sizes, FakePagerDuty pagerDuty, URI endpoint) {
        WebhookDeliveries builder = new WebhookDeliveries(PD_SECRET, Clock.systemUTC());
        List<SignedWebhook> deliveries = new ArrayList<>();
        Random random = new Random(8);
        int duplicates = 0;
        for (int k = 0; k < sizes.pagerDutyIncidents(); k++) {
            PdIncident incident = pagerDuty.addIncident(String.format("PBENCH%05d", k), "Bench page " + k);
            deliveries.add(builder.triggered(incident));
            deliveries.add(builder.annotated(incident, "looking " + k));
            deliveries.add(builder.acknowledged(incident.withStatus("acknowledged")));
            deliveries.add(builder.resolved(incident.withStatus("resolved")));
            if (k % 2 == 1) {
                // PagerDuty redelivers: the same delivery again, to be acknowledged and ignored
                deliveries.add(deliveries.get(deliveries.size() - 1 - random.nextInt(Math.min(8, deliveries.size()))));
                duplicates++;
            }
        }
        Load.Result r = Load.run(sizes.webhookClients(), deliveries.size(), sizes.ingestCap(), () -> {
            WebhookDeliveries sender = new WebhookDeliveries(PD_SECRET, Clock.systemUTC());
            return i -> sender.send(endpoint, deliveries.get(i)).statusCode();
        });
        add(String.format(Locale.ROOT, "PagerDuty webhooks, %d clients (%d dup of %d): deliveries/s",
                        sizes.webhookClients(), duplicates, deliveries.size()), rate(r), "≥ 1,000/s",
                r.perSecond() >= 1_000 && r.errors() == 0);
        add("PagerDuty webhooks p50/p99/max", latency(r), "p99 ≤ 50 ms", r.p99() <= 50 && r.errors() == 0);
    }

    // --- the draft and the digest on filled stores ----------------------------------------------------

    private void draftPhase(Sizes sizes, Path dir) throws Exception {
        Path file = dir.resolve("drafts.db");
        Database database = Database.open("jdbc:sqlite:" + file);
        Instant now = Instant.now();
        long fillStart = System.nanoTime();
        long small = fillIncidentWithTimeline(database, 1, sizes.draftSmall(), now);
        long large = fillIncidentWithTimeline(database, 2, sizes.draftLarge(), now);
        double fillMillis = (System.nanoTime() - fillStart) / 1e6;
        Postmortems postmortems = new Postmortems(database, ZONE);
        IncidentDirectory directory = new IncidentDirectory(database);
        draftRow(postmortems, directory, small, sizes.draftSmall(), 200, now, " (cold, first ever)", fillMillis);
        draftRow(postmortems, directory, small, sizes.draftSmall(), 200, now, "", -1);
        draftRow(postmortems, directory, large, sizes.draftLarge(), 2_000, now, "", -1);
    }

    private void draftRow(Postmortems postmortems, IncidentDirectory directory, long incident, int events,
                          double targetMillis, Instant now, String label, double fillMillis) {
        long t0 = System.nanoTime();
        int loaded = directory.timeline(incident).size();
        double loadMillis = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        int length = postmortems.generate(incident, Permalinks.none(), now).markdown().length();
        double millis = (System.nanoTime() - t0) / 1e6;
        String note = String.format(Locale.ROOT, "%s (timeline read alone %s, %d entries, %,d chars)", ms(millis),
                ms(loadMillis), loaded, length);
        if (fillMillis >= 0) {
            note += String.format(Locale.ROOT, "; store filled in %s", ms(fillMillis));
        }
        add(String.format(Locale.ROOT, "post-mortem draft, %,d timeline events%s", events, label), note,
                "≤ " + ms(targetMillis), label.isEmpty() ? millis <= targetMillis : null);
    }

    /** One closed incident with {@code events} timeline entries: mostly chatter, some key events. */
    private static long fillIncidentWithTimeline(Database database, long id, int events, Instant now) {
        long declared = now.minus(Duration.ofHours(6)).toEpochMilli();
        long closed = now.minus(Duration.ofMinutes(5)).toEpochMilli();
        String[] people = {"U0ALEX", "U0BEA", "U0CHO", "U0DEV", "U0EVA", "U0FIN"};
        String[] keyKinds = {"NOTE_ADDED", "STATUS_CHANGED", "UPDATE_POSTED", "PINNED"};
        database.jdbi().useTransaction(h -> {
            h.createUpdate("INSERT INTO incidents (id, title, summary, severity, status, declared_by, lead, declared_at,"
                            + " acknowledged_at, resolved_at, closed_at, resolution, origin_key, channel_id, channel_name,"
                            + " updated_at) VALUES (:id, :title, 'Checkout errors for EU customers', 'SEV2', 'CLOSED',"
                            + " 'U0ALEX', 'U0ALEX', :declared, :ack, :resolved, :closed, 'Rolled back the deploy',"
                            + " :origin, :channel, :name, :closed)")
                    .bind("id", id).bind("title", "Bench incident " + id).bind("declared", declared)
                    .bind("ack", declared + 60_000).bind("resolved", closed - 600_000).bind("closed", closed)
                    .bind("origin", "bench-" + id).bind("channel", "CBENCH" + id).bind("name", "inc-bench-" + id)
                    .execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO timeline_events (incident_id, occurred_at, kind, actor,"
                    + " text, is_key, slack_ts, dedupe_key) VALUES (:incident, :at, :kind, :actor, :text, :key, :ts, :dedupe)");
            long span = closed - declared;
            for (int i = 0; i < events; i++) {
                long at = declared + span * i / Math.max(1, events);
                boolean key = i % 50 == 0;
                String kind = i == 0 ? "DECLARED" : key ? keyKinds[(i / 50) % keyKinds.length] : "MESSAGE";
                batch.bind("incident", id).bind("at", at).bind("kind", kind).bind("actor", people[i % people.length])
                        .bind("text", key ? (kind.equals("STATUS_CHANGED") ? "IDENTIFIED" : "Key finding number " + i)
                                : "message " + i + " about the checkout service and the rollout of build " + (i % 97))
                        .bind("key", key ? 1 : 0)
                        .bind("ts", String.format(Locale.ROOT, "%d.%06d", at / 1000, i % 1_000_000))
                        .bind("dedupe", "bench-" + id + "-" + i).add();
                if (batch.size() == 5_000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        return id;
    }

    private void digestPhase(Sizes sizes, Path dir) {
        Path file = dir.resolve("digest.db");
        Database database = Database.open("jdbc:sqlite:" + file);
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        fillYear(database, sizes.digestIncidents(), sizes.digestPeople(), now);
        double fillMillis = (System.nanoTime() - t0) / 1e6;
        DigestFactsLoader loader = new DigestFactsLoader(database, ZONE, DigestSettings.defaults());
        IsoWeek week = IsoWeek.containing(now, ZONE);
        double[] loadMs = new double[3];
        double[] buildMs = new double[3];
        int lines = 0;
        for (int run = 0; run < 3; run++) {
            long a = System.nanoTime();
            DigestFacts facts = loader.load(week, now);
            long b = System.nanoTime();
            DigestReport report = Digest.build(facts);
            long c = System.nanoTime();
            loadMs[run] = (b - a) / 1e6;
            buildMs[run] = (c - b) / 1e6;
            lines = String.valueOf(report).length();
        }
        double cold = loadMs[0] + buildMs[0];
        double warm = Math.min(loadMs[1] + buildMs[1], loadMs[2] + buildMs[2]);
        int warmRun = loadMs[1] + buildMs[1] <= loadMs[2] + buildMs[2] ? 1 : 2;
        String label = String.format(Locale.ROOT, "digest over a year (%,d incidents, %d people)",
                sizes.digestIncidents(), sizes.digestPeople());
        add(label + " (cold)", String.format(Locale.ROOT, "%s (load %s + build %s); store filled in %s", ms(cold),
                ms(loadMs[0]), ms(buildMs[0]), ms(fillMillis)), "≤ 500 ms", null);
        add(label, String.format(Locale.ROOT, "%s (load %s + build %s)", ms(warm), ms(loadMs[warmRun]),
                ms(buildMs[warmRun])), "≤ 500 ms", warm <= 500 && lines > 0);
    }

    /** A year of history: incidents spread over 52 weeks, duty assignments, follow-ups and learnings. */
    private static void fillYear(Database database, int incidents, int people, Instant now) {
        Random random = new Random(5_000);
        long yearAgo = now.minus(Duration.ofDays(364)).toEpochMilli();
        long span = now.toEpochMilli() - yearAgo;
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            ids.add(String.format("U0P%03d", p));
        }
        database.jdbi().useTransaction(h -> {
            PreparedBatch members = h.prepareBatch("INSERT INTO duty_members (user_id, kind, joined_at, leads,"
                    + " responder_turns) VALUES (:user, :kind, :joined, 0, 0)");
            for (int p = 0; p < people; p++) {
                members.bind("user", ids.get(p)).bind("kind", p % 10 == 9 ? "MANAGER" : "ENGINEER")
                        .bind("joined", yearAgo - 86_400_000L).add();
            }
            members.execute();
            PreparedBatch incidentRows = h.prepareBatch("INSERT INTO incidents (id, title, severity, status, declared_by,"
                    + " lead, responder, declared_at, acknowledged_at, resolved_at, closed_at, origin_key, channel_id,"
                    + " channel_name, updated_at) VALUES (:id, :title, :sev, :status, :by, :lead, :responder, :declared,"
                    + " :ack, :resolved, :closed, :origin, :channel, :name, :updated)");
            PreparedBatch duty = h.prepareBatch("INSERT INTO duty_assignments (incident_id, user_id, role, credited,"
                    + " assigned_at) VALUES (:incident, :user, :role, 1, :at)");
            PreparedBatch actions = h.prepareBatch("INSERT INTO action_items (incident_id, text, owner, state, created_by,"
                    + " created_at, done_at, done_by) VALUES (:incident, :text, :owner, :state, :by, :at, :done, :doneBy)");
            PreparedBatch learned = h.prepareBatch("INSERT INTO learnings (incident_id, text, author, created_at)"
                    + " VALUES (:incident, :text, :author, :at)");
            for (int i = 1; i <= incidents; i++) {
                long declared = yearAgo + span * i / (incidents + 1L);
                String sev = "SEV" + (1 + random.nextInt(4));
                boolean open = i > incidents - 3;
                String lead = ids.get(random.nextInt(people));
                String responder = sev.equals("SEV1") || sev.equals("SEV2") ? ids.get(random.nextInt(people)) : null;
                long ack = declared + 60_000L * (1 + random.nextInt(30));
                long resolved = ack + 60_000L * (5 + random.nextInt(240));
                long closedAt = resolved + 3_600_000L;
                incidentRows.bind("id", i).bind("title", "Incident " + i + " in service " + (i % 23)).bind("sev", sev)
                        .bind("status", open ? "INVESTIGATING" : "CLOSED").bind("by", lead).bind("lead", lead)
                        .bind("responder", responder).bind("declared", declared).bind("ack", ack)
                        .bind("resolved", open ? null : resolved).bind("closed", open ? null : closedAt)
                        .bind("origin", "bench-year-" + i).bind("channel", "CY" + i).bind("name", "inc-y-" + i)
                        .bind("updated", open ? ack : closedAt).add();
                duty.bind("incident", i).bind("user", lead).bind("role", "LEAD").bind("at", declared).add();
                if (responder != null) {
                    duty.bind("incident", i).bind("user", responder).bind("role", "RESPONDER").bind("at", declared).add();
                }
                boolean done = random.nextInt(10) < 7 && !open;
                actions.bind("incident", i).bind("text", "Add an alert for case " + i).bind("owner", lead)
                        .bind("state", done ? "DONE" : "OPEN").bind("by", lead).bind("at", closedAt)
                        .bind("done", done ? closedAt + 86_400_000L * (1 + random.nextInt(20)) : null)
                        .bind("doneBy", done ? lead : null).add();
                if (i % 2 == 0 && !open) {
                    learned.bind("incident", i).bind("text", "We learned thing " + i).bind("author", lead)
                            .bind("at", closedAt).add();
                }
            }
            incidentRows.execute();
            duty.execute();
            actions.execute();
            learned.execute();
        });
    }

    // --- memory and the table -------------------------------------------------------------------------

    private void memory(ServerProcess server) {
        long rss = server.residentMegabytes();
        add("resident memory of the server after the run (VmRSS)", rss < 0 ? "unknown"
                        : String.format(Locale.ROOT, "%d MB (its own JVM: %s, class-data archive)", rss,
                        String.join(" ", SERVER_JVM_FLAGS)),
                "≤ 300 MB", rss < 0 ? null : rss <= 300);
    }

    private long phaseStart = System.nanoTime();

    /** Progress on stderr, so a long run shows where it is and the table on stdout stays clean. */
    private void phase(String name) {
        long now = System.nanoTime();
        System.err.printf(Locale.ROOT, "[bench] %s took %.1f s%n", name, (now - phaseStart) / 1e9);
        phaseStart = now;
    }

    void add(String figure, String value, String target, Boolean met) {
        rows.add(new Row(figure, value, target, met));
    }

    private void printTable(Sizes sizes) {
        int f = Math.max(6, rows.stream().mapToInt(r -> r.figure().length()).max().orElse(6));
        int v = Math.max(5, rows.stream().mapToInt(r -> r.value().length()).max().orElse(5));
        int t = Math.max(6, rows.stream().mapToInt(r -> r.target().length()).max().orElse(6));
        String format = "| %-" + f + "s | %-" + v + "s | %-" + t + "s | %-6s |%n";
        out.printf(format, "figure", "value", "target", "result");
        out.printf("|%s|%s|%s|%s|%n", "-".repeat(f + 2), "-".repeat(v + 2), "-".repeat(t + 2), "-".repeat(8));
        for (Row row : rows) {
            out.printf(format, row.figure(), row.value(), row.target(),
                    row.met() == null ? "" : row.met() ? "met" : "MISSED");
        }
        long missed = rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
        long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
        out.printf(Locale.ROOT, "%d targets met, %d missed%n", met, missed);
    }

    static String latency(Load.Result r) {
        return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f ms (n=%d%s)", r.p50(), r.p99(), r.max(),
                r.count(), r.errors() == 0 ? "" : ", " + r.errors() + " failed");
    }

    private static String rate(Load.Result r) {
        return String.format(Locale.ROOT, "%,.0f/s (n=%d in %.1f s%s)", r.perSecond(), r.count(),
                r.elapsedNanos() / 1e9, r.errors() == 0 ? "" : ", " + r.errors() + " non-2xx");
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f ms" : "%.1f ms", millis);
    }

    private static void closeBounded(AutoCloseable closeable, Duration cap) {
        Thread closer = new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }, "bench-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(cap.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp file is not worth failing the run for
        }
    }
}
