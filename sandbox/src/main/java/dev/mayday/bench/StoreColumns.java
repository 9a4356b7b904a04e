package dev.mayday.bench;

import dev.mayday.sandbox.ServerProcess;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;
import dev.mayday.support.TestPostgres;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The write path by store, beside the main table: slash commands, Events API messages and PagerDuty webhooks at
 * {@value #CONNECTIONS} connections on a SQLite file with one process, and on one PostgreSQL database (a scratch
 * database of its own, dropped afterwards) with one process and with two, the requests spread across both. Runs only
 * when {@value #URL_VARIABLE} names a PostgreSQL server and the sizes are the default ones; otherwise it is one line
 * saying why. No targets: these figures inform, {@code --check} does not judge them.
 */
final class StoreColumns {

    static final String URL_VARIABLE = "MAYDAY_BENCH_POSTGRES_URL";
    static final int CONNECTIONS = 16;

    /** A column: which store, and how many processes share it. */
    record Setup(String label, boolean postgres, int processes) {
    }

    static final List<Setup> SETUPS = List.of(new Setup("SQLite, 1 process", false, 1),
            new Setup("PostgreSQL, 1 process", true, 1), new Setup("PostgreSQL, 2 processes", true, 2));

    private final Path dir;
    private final Optional<String> postgresUrl;

    StoreColumns(Path dir, Optional<String> postgresUrl) {
        this.dir = dir;
        this.postgresUrl = postgresUrl.filter(url -> !url.isBlank());
    }

    /** Why the columns are not run with these sizes, or empty when they are. */
    Optional<String> notRun(Benchmark.Sizes sizes) {
        if (!sizes.name().equals(Benchmark.Sizes.standard().name())) {
            return Optional.of("PostgreSQL column: not run with --" + sizes.name() + " (only with the default sizes)");
        }
        if (postgresUrl.isEmpty()) {
            return Optional.of("PostgreSQL column: not run (set " + URL_VARIABLE
                    + "=jdbc:postgresql://HOST:5432/postgres?user=USER)");
        }
        return Optional.empty();
    }

    /** The lines to print under the main table: the columns, or the one line saying why they were not run. */
    List<String> run(Benchmark.Sizes sizes) throws Exception {
        Optional<String> skipped = notRun(sizes);
        if (skipped.isPresent()) {
            return List.of(skipped.get());
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Setup setup : SETUPS) {
            measure(setup, sizes).forEach((figure, cell) -> rows.computeIfAbsent(figure, f -> new ArrayList<>())
                    .add(cell));
        }
        return print(rows);
    }

    private Map<String, String> measure(Setup setup, Benchmark.Sizes sizes) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); FakePagerDuty pagerDuty = FakePagerDuty.start(Benchmark.PD_TOKEN);
             Store store = Store.open(setup, dir, postgresUrl)) {
            String general = slack.createChannelDirectly("general", false, "U0ADMIN").id();
            String announce = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
            List<ServerProcess> servers = new ArrayList<>();
            StoreProbe probe = new StoreProbe(store.url());
            try {
                List<String> channels = List.of();
                for (int i = 0; i < setup.processes(); i++) {
                    int port = ServerProcess.freePort();
                    ServerProcess server = ServerProcess.start(ServerPhases.SERVER_JVM_FLAGS, "dev.mayday.Main",
                            List.of("serve"), ServerPhases.environment(slack, pagerDuty, store.url(), port, announce),
                            port, dir.resolve("store-column-" + (store.postgres() ? "pg" : "sqlite") + "-" + i + ".log"));
                    servers.add(server);
                    server.awaitHealthy(Duration.ofSeconds(60));
                    if (i == 0) { // set-up, not measured: the first process alone, one declare at a time
                        URI events = URI.create("http://" + Benchmark.HOST + ":" + port + "/slack/events");
                        channels = ServerPhases.incidentChannels(probe, new SlackRequests(events, Benchmark.SECRET,
                                slack::responseUrl), new LoadClient(Rig.address(events)), general, CONNECTIONS, 1);
                    }
                }
                return new Spread(servers, slack, probe).run(sizes, channels, pagerDuty);
            } catch (RuntimeException e) {
                throw new IllegalStateException(setup.label() + ": " + e.getMessage(), e);
            } finally {
                for (ServerProcess server : servers) {
                    server.killHard();
                }
            }
        }
    }

    private static List<String> print(Map<String, List<String>> rows) {
        List<String> header = new ArrayList<>(List.of("write path, " + CONNECTIONS + " connections"));
        SETUPS.forEach(setup -> header.add(setup.label()));
        List<String> lines = new ArrayList<>(List.of("",
                "By store (" + URL_VARIABLE + "; requests spread across the processes; no targets)"));
        lines.addAll(ColumnTable.lines(header, rows));
        return lines;
    }

    /** One column's store: a SQLite file in the run's directory, or a scratch PostgreSQL database dropped on close. */
    private record Store(String url, boolean postgres, TestPostgres.Scratch scratch) implements AutoCloseable {

        static Store open(Setup setup, Path dir, Optional<String> postgresUrl) {
            if (!setup.postgres()) {
                return new Store("jdbc:sqlite:" + dir.resolve("store-column.db"), false, null);
            }
            TestPostgres.Scratch scratch = TestPostgres.at(postgresUrl.orElseThrow()).createDatabase();
            return new Store(scratch.url(), true, scratch);
        }

        @Override
        public void close() {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    /** The phases of one column: each plan split by connection across the processes, run at once, merged. */
    private record Spread(List<ServerProcess> servers, FakeSlack slack, StoreProbe store) {

        Map<String, String> run(Benchmark.Sizes sizes, List<String> channels, FakePagerDuty pagerDuty)
                throws Exception {
            CommandMix mix = new CommandMix(channels);
            int commands = sizes.commandsPerLevel() / TrafficPhases.ROUNDS;
            int events = sizes.events() / TrafficPhases.ROUNDS;
            int pages = sizes.pagerDutyIncidents() / TrafficPhases.ROUNDS;
            int warmup = sizes.warmup() / 4;
            Map<String, String> cells = new LinkedHashMap<>();
            load("/slack/events", CommandMix.acked(), sizes.levelCap(),
                    s -> mix.requests(requests(s), CONNECTIONS, warmup, store.statuses(), "sw" + s, null));
            load("/slack/events", Plan.Verdict.success(), sizes.ingestCap(), s -> messages(s, channels, warmup, "sw"));
            Benchmark.quiet(store);
            LoadResult c = load("/slack/events", CommandMix.acked(), sizes.levelCap(),
                    s -> mix.requests(requests(s), CONNECTIONS, commands, store.statuses(), "sc" + s, null));
            cells.put("commands (n=" + c.count() + ")", cell(c));
            Benchmark.quiet(store);
            LoadResult e = load("/slack/events", Plan.Verdict.success(), sizes.ingestCap(),
                    s -> messages(s, channels, events, "se"));
            cells.put("events (n=" + e.count() + ")", cell(e));
            Benchmark.quiet(store);
            List<SignedWebhook> deliveries = webhooks(pagerDuty, pages);
            LoadResult w = load("/pagerduty/webhook", Plan.Verdict.success(), sizes.ingestCap(),
                    s -> deliveries.stream().map(d -> RequestBytes.post(authority(s), "/pagerduty/webhook",
                            d.headers(), d.bytes())).toList());
            cells.put("PagerDuty webhooks (n=" + w.count() + ")", cell(w));
            Benchmark.quiet(store);
            return cells;
        }

        /**
         * Builds each process's copy of the plan's {@value #CONNECTIONS}-connection requests, keeps the connections
         * {@code c} with {@code c % processes == s} for process {@code s} (so each connection's order holds), runs
         * them on every process at once and merges the answers.
         */
        private LoadResult load(String path, Plan.Verdict verdict, Duration cap, Function<Integer, List<byte[]>> build)
                throws Exception {
            int n = servers.size();
            List<Plan> plans = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                List<byte[]> all = build.apply(s);
                List<byte[]> mine = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (i % CONNECTIONS % n == s) {
                        mine.add(all.get(i));
                    }
                }
                plans.add(new Plan(mine, CONNECTIONS / n, cap, verdict));
            }
            List<LoadResult> parts = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<Exception> failed = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                int server = s;
                Thread thread = new Thread(() -> {
                    try {
                        LoadResult part = client(server, path).run(plans.get(server));
                        synchronized (parts) {
                            parts.add(part);
                        }
                    } catch (IOException | RuntimeException ex) {
                        synchronized (failed) {
                            failed.add(ex);
                        }
                    }
                }, "bench-store-column-" + s);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failed.isEmpty()) {
                throw failed.get(0);
            }
            return merged(parts);
        }

        private static LoadResult merged(List<LoadResult> parts) {
            long[] sorted = parts.stream().flatMapToLong(p -> Arrays.stream(p.sortedNanos())).sorted()
                    .toArray();
            return new LoadResult(parts.stream().mapToInt(LoadResult::count).sum(),
                    parts.stream().mapToInt(LoadResult::errors).sum(),
                    parts.stream().mapToLong(LoadResult::elapsedNanos).max().orElse(0), sorted,
                    parts.stream().mapToLong(LoadResult::clientCpuNanos).sum(),
                    parts.stream().map(LoadResult::firstFailure).filter(f -> !f.isEmpty()).findFirst().orElse(""));
        }

        private static String cell(LoadResult r) {
            TrafficPhases.report("store column", r);
            return String.format(Locale.ROOT, "%,.0f/s, p99 %s", r.perSecond(), Table.ms(r.p99()))
                    + (r.errors() > 0 ? ", " + r.errors() + " failed" : "");
        }

        private List<byte[]> messages(int server, List<String> channels, int count, String tag) {
            SlackRequests slackRequests = requests(server);
            Instant now = Instant.now();
            long baseMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
            List<byte[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long micros = baseMicros + i;
                out.add(slackRequests.message("U0BENCH", channels.get(i % channels.size()), String.format(Locale.ROOT,
                        "%d.%06d", micros / 1_000_000, micros % 1_000_000), "bench-event-" + tag + "-" + i,
                        String.format(Locale.ROOT, "Ev%S%08d", tag, i)));
            }
            return out;
        }

        /** Each page triggered, annotated, acknowledged and resolved. */
        private static List<SignedWebhook> webhooks(FakePagerDuty pagerDuty, int incidents) {
            WebhookDeliveries builder = new WebhookDeliveries(Benchmark.PD_SECRET, Clock.systemUTC());
            List<SignedWebhook> deliveries = new ArrayList<>();
            for (int k = 0; k < incidents; k++) {
                PdIncident incident = pagerDuty.addIncident(String.format(Locale.ROOT, "PSTORE%05d", k), "Page " + k);
                deliveries.add(builder.triggered(incident));
                deliveries.add(builder.annotated(incident, "looking " + k));
                deliveries.add(builder.acknowledged(incident.withStatus("acknowledged")));
                deliveries.add(builder.resolved(incident.withStatus("resolved")));
            }
            return deliveries;
        }

        private SlackRequests requests(int server) {
            return new SlackRequests(uri(server, "/slack/events"), Benchmark.SECRET, slack::responseUrl);
        }

        private LoadClient client(int server, String path) {
            return new LoadClient(Rig.address(uri(server, path)));
        }

        private String authority(int server) {
            return Benchmark.HOST + ":" + servers.get(server).port();
        }

        private URI uri(int server, String path) {
            return URI.create("http://" + authority(server) + path);
        }
    }
}
