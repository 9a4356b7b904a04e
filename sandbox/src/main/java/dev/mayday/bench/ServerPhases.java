package dev.mayday.bench;

import dev.mayday.sandbox.ServerProcess;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of the benchmark with servers: Mayday in a JVM of its own (with the flags and class-data archive the README
 * recommends) beside the bare app in another, the fake Slack and PagerDuty in this JVM, then the traffic phases, the
 * declare storm and the server's memory. Between phases it waits for the outbox to go quiet.
 */
final class ServerPhases {

    /**
     * The flags the README recommends for running Mayday; the servers under test run with them, Mayday also with a
     * class-data archive (AppCDS) made by one earlier start, as the README describes.
     */
    static final List<String> SERVER_JVM_FLAGS = List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TrimNativeHeapInterval=1000");

    private final Table table;
    private final Benchmark.Progress progress;
    private final Path dir;

    ServerPhases(Table table, Benchmark.Progress progress, Path dir) {
        this.table = table;
        this.progress = progress;
        this.dir = dir;
    }

    /** Runs every server phase; answers the flight recording of the {@code profiled} phase, or null when it is null. */
    ServerProfile.Span run(Benchmark.Sizes sizes, Benchmark.Profiled profiled) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); FakePagerDuty pagerDuty = FakePagerDuty.start(Benchmark.PD_TOKEN)) {
            String general = slack.createChannelDirectly("general", false, "U0ADMIN").id();
            String announce = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
            String databaseUrl = "jdbc:sqlite:" + dir.resolve("mayday.db");
            int port = ServerProcess.freePort();
            Map<String, String> env = environment(slack, pagerDuty, databaseUrl, port, announce);

            Path archive = dir.resolve("mayday.jsa");
            double firstStartMillis = firstStart(env, archive);
            progress.phase("first start, writing the class-data archive");
            List<String> flags = new ArrayList<>(SERVER_JVM_FLAGS);
            if (Files.exists(archive)) {
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
            long t0 = System.nanoTime();
            ServerProcess app = ServerProcess.start(flags, "dev.mayday.Main", List.of("serve"), env, port,
                    dir.resolve("mayday-server.log"));
            ServerProcess bare = null;
            ServerProfile.Span recording = null;
            try {
                String base = "http://" + Benchmark.HOST + ":" + port;
                app.awaitHealthy(Duration.ofSeconds(30));
                double startMillis = (System.nanoTime() - t0) / 1e6;
                table.add("restart to healthy, class-data archive", Table.ms(startMillis) + " (first start "
                        + Table.ms(firstStartMillis) + ")", "≤ 3,000 ms", startMillis <= 3_000);

                int barePort = ServerProcess.freePort();
                bare = ServerProcess.start(SERVER_JVM_FLAGS, BareBoltApp.class.getName(),
                        List.of(String.valueOf(barePort), slack.apiUrl()), Map.of(), barePort, dir.resolve("bare.log"));
                bare.awaitListening(Duration.ofSeconds(30));
                progress.phase("start of both servers");
                StoreProbe store = new StoreProbe(databaseUrl);
                URI maydayUri = URI.create(base + "/slack/events");
                List<String> channels = incidentChannels(store, new SlackRequests(maydayUri, Benchmark.SECRET,
                        slack::responseUrl), new LoadClient(Rig.address(maydayUri)), general, sizes.incidentChannels());
                Rig rig = new Rig(slack, store, maydayUri,
                        URI.create("http://" + Benchmark.HOST + ":" + barePort + "/slack/events"),
                        URI.create(base + "/pagerduty/webhook"), channels, general);
                TrafficPhases traffic = new TrafficPhases(table, rig);
                progress.phase("incident channels");
                ServerProfile profiler = profiled == null ? null : ServerProfile.start(app.pid(), recordingFile(), dir);
                warmUp(traffic, sizes, pagerDuty, List.of(app.pid(), bare.pid()));
                progress.phase("warm-up");
                Recorded recorded = new Recorded(profiler, profiled);
                recorded.during(Benchmark.Profiled.COMMANDS, () -> traffic.commands(sizes));
                progress.phase("commands");
                recorded.during(Benchmark.Profiled.EVENTS, () -> traffic.events(sizes));
                progress.phase("events");
                recorded.during(Benchmark.Profiled.WEBHOOKS, () -> traffic.webhooks(sizes, pagerDuty));
                recording = recorded.span();
                progress.phase("webhooks");
                new DeclareStorm(sizes.storm(), new SlackRequests(maydayUri, Benchmark.SECRET, slack::responseUrl),
                        new LoadClient(Rig.address(maydayUri)), general, store).run(table);
                progress.phase("declare storm");
                traffic.outage(sizes);
                progress.phase("outage");
                memory(app);
                // nothing of this server is kept, and a graceful stop would wait out the Slack calls still hanging
                app.killHard();
            } finally {
                slack.endOutage();
                if (bare != null) {
                    bare.close();
                }
                app.close();
                progress.phase("close");
            }
            return recording;
        }
    }

    /**
     * Warm-up rounds until both servers' JIT compilers have settled ({@link JitSettling}) or the sizes' rounds run out:
     * a method called once per request reaches C2 only after thousands of requests, and a compile during a measured
     * round takes a core from the server measured.
     */
    private void warmUp(TrafficPhases traffic, Benchmark.Sizes sizes, FakePagerDuty pagerDuty, List<Long> servers)
            throws IOException, InterruptedException {
        JitSettling jit = new JitSettling(servers);
        int round = 0;
        double compiling;
        do {
            traffic.warmUp(sizes, pagerDuty);
            round++;
            compiling = jit.busiestShareSinceLastLook();
            System.err.printf(Locale.ROOT, "[bench] warm-up round %d: the busier server's JIT compilers took %.0f%% "
                    + "of a core%n", round, compiling * 100);
        } while (round < sizes.warmupRounds() && (compiling < 0 || compiling > JitSettling.SETTLED));
        table.add("warm-up rounds, JIT in the last", compiling < 0 ? round + " (no /proc to tell)"
                : String.format(Locale.ROOT, "%d (compilers %.0f%% of a core)", round, compiling * 100),
                "", null);
    }

    static Map<String, String> environment(FakeSlack slack, FakePagerDuty pagerDuty, String databaseUrl,
                                                   int port, String announce) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SLACK_BOT_TOKEN", Benchmark.TOKEN);
        env.put("SLACK_SIGNING_SECRET", Benchmark.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("DATABASE_URL", databaseUrl);
        env.put("PORT", String.valueOf(port));
        env.put("INCIDENTS_CHANNEL", announce);
        env.put("TEAM_TIMEZONE", Benchmark.ZONE.getId());
        env.put("PAGERDUTY_API_TOKEN", Benchmark.PD_TOKEN);
        env.put("PAGERDUTY_API_URL", pagerDuty.baseUrl());
        env.put("PAGERDUTY_WEBHOOK_SECRET", Benchmark.PD_SECRET);
        env.put("PAGERDUTY_FROM_EMAIL", "mayday@example.com");
        return env;
    }

    /**
     * The first start on a machine: it makes the store (every migration) and writes the class-data archive when it
     * stops, as the README's one-time step does, so the start measured after it is a restart, as every start after the
     * first is. Answers its start-to-healthy time.
     */
    private double firstStart(Map<String, String> env, Path archive) throws Exception {
        Map<String, String> firstEnv = new LinkedHashMap<>(env);
        int port = ServerProcess.freePort();
        firstEnv.put("PORT", String.valueOf(port));
        List<String> flags = new ArrayList<>(SERVER_JVM_FLAGS);
        flags.add("-XX:ArchiveClassesAtExit=" + archive);
        long t0 = System.nanoTime();
        try (ServerProcess first = ServerProcess.start(flags, "dev.mayday.Main", List.of("serve"), firstEnv, port,
                dir.resolve("first-start.log"))) {
            first.awaitHealthy(Duration.ofSeconds(30));
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** Declares the incidents whose channels the traffic goes to, a few at a time, and waits for their channels. */
    static List<String> incidentChannels(StoreProbe store, SlackRequests slack, LoadClient mayday,
                                                 String general, int count) throws IOException, InterruptedException {
        return incidentChannels(store, slack, mayday, general, count, 8);
    }

    /** As above, {@code connections} declares at a time. */
    static List<String> incidentChannels(StoreProbe store, SlackRequests slack, LoadClient mayday, String general,
                                         int count, int connections) throws IOException, InterruptedException {
        List<byte[]> declares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            declares.add(slack.command("U0BENCH", general, "declare sev2 Bench incident " + i, "bench-setup-" + i));
        }
        LoadResult declared = mayday.run(new Plan(declares, connections, Duration.ofSeconds(60), CommandMix.acked()));
        if (declared.errors() > 0 || declared.count() < count) {
            throw new IllegalStateException(declared.count() + " set-up declares, " + declared.errors()
                    + " failed; the first: " + declared.firstFailure());
        }
        Benchmark.quiet(store);
        List<String> channels = store.incidentChannels();
        if (channels.size() < count) {
            throw new IllegalStateException("only " + channels.size() + " of " + count + " incident channels were set up");
        }
        return channels;
    }

    /** Outside the run's directory, which is deleted at the end: the recording is for opening in JMC afterwards. */
    private static Path recordingFile() {
        String stamp = Instant.now().toString().replace(":", "").replace(".", "-");
        return Path.of(System.getProperty("java.io.tmpdir"), "mayday-bench-" + stamp + ".jfr");
    }

    private void memory(ServerProcess server) {
        long rss = server.residentMegabytes();
        table.add("server resident memory after the run", rss < 0 ? "unknown"
                        : String.format(Locale.ROOT, "%d MB (the README's flags)", rss),
                "≤ 300 MB", rss < 0 ? null : rss <= 300);
    }
}
