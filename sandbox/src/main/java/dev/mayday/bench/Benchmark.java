package dev.mayday.bench;

import dev.mayday.sandbox.ServerProcess;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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
    private final Table table = new Table();
    private final TrafficPhases traffic = new TrafficPhases(table);

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
            table.print(out);
            return 1;
        }
    }

    List<Row> run(Sizes sizes) throws Exception {
        long begin = System.nanoTime();
        Path dir = Files.createTempDirectory("mayday-bench");
        try {
            serverPhases(sizes, dir);
            new DraftPhase(table).run(sizes, dir);
            phase("drafts");
            new DigestPhase(table).run(sizes, dir);
            phase("digest");
        } finally {
            deleteTree(dir);
        }
        out.printf(Locale.ROOT, "%nMayday benchmark (%s sizes, %d cores, %.0f s)%n", sizes.name(),
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - begin) / 1e9);
        table.print(out);
        return table.rows();
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
                table.add("start to healthy (new JVM → GET /health 200)", String.format(Locale.ROOT,
                        "%s with the class-data archive, %s on the first start that made it (java %s -jar mayday.jar"
                                + " serve, JVM start and migrating a new store included)", Table.ms(startMillis),
                        Table.ms(firstStartMillis), String.join(" ", SERVER_JVM_FLAGS)), "≤ 3,000 ms", startMillis <= 3_000);

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
                traffic.commands(sizes, slack, maydayUri, bareUri, channels, general);
                quiet(store);
                phase("commands");
                traffic.events(sizes, store, slack, maydayUri, bareUri, channels);
                quiet(store);
                phase("events");
                traffic.webhooks(sizes, pagerDuty, URI.create(base + "/pagerduty/webhook"));
                quiet(store);
                phase("webhooks");
                new DeclareStorm(sizes.storm(), slack, maydayUri, general, store).run(table);
                phase("declare storm");
                traffic.outage(sizes, slack, maydayUri, channels, general);
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

    // --- memory and the table -------------------------------------------------------------------------

    private void memory(ServerProcess server) {
        long rss = server.residentMegabytes();
        table.add("resident memory of the server after the run (VmRSS)", rss < 0 ? "unknown"
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
