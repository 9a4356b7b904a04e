package dev.mayday.bench;

import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The phases that drive the running servers over HTTP: slash commands that write and Events API messages, each at 16
 * and 64 connections on Mayday and on the bare app in alternating rounds ({@link PairedRounds}), PagerDuty webhooks,
 * and commands while Slack hangs.
 * Requests are built and signed before each run, so the run itself costs the client little.
 */
final class TrafficPhases {

    static final int WEBHOOK_CONNECTIONS = 16;
    /** Bare and Mayday alternate this many times at each level; each round takes its share of the requests. */
    static final int ROUNDS = 3;

    private final Table table;
    private final Rig rig;
    private final CommandMix mix;
    private final SlackRequests toMayday;
    private final SlackRequests toBare;
    private final LoadClient mayday;
    private final LoadClient bare;
    private final long baseSecond = Instant.now().getEpochSecond();
    /** Numbers every message event across phases, so no two share an event id or a (channel, ts). */
    private int sequence;

    TrafficPhases(Table table, Rig rig) {
        this.table = table;
        this.rig = rig;
        this.mix = new CommandMix(rig.channels());
        this.toMayday = new SlackRequests(rig.mayday(), Benchmark.SECRET, rig.slack()::responseUrl);
        this.toBare = new SlackRequests(rig.bare(), Benchmark.SECRET, rig.slack()::responseUrl);
        this.mayday = new LoadClient(Rig.address(rig.mayday()));
        this.bare = new LoadClient(Rig.address(rig.bare()));
    }

    /** Runs each kind of request through both servers before anything is measured, so the JIT has compiled it. */
    void warmUp(Benchmark.Sizes sizes, FakePagerDuty pagerDuty) throws IOException, InterruptedException {
        int n = sizes.warmup();
        int c = sizes.levels().get(0);
        Duration cap = sizes.levelCap();
        report("warm-up, bare commands", bare.run(new Plan(
                mix.requests(toBare, c, n, Map.of(), "wb", null), c, cap, CommandMix.acked())));
        report("warm-up, Mayday commands", mayday.run(new Plan(
                mix.requests(toMayday, c, n, rig.store().statuses(), "wm", null), c, cap, CommandMix.acked())));
        report("warm-up, bare events", bare.run(new Plan(messages(toBare, n, "wb"), c, cap)));
        report("warm-up, Mayday events", mayday.run(new Plan(messages(toMayday, n, "wm"), c, cap)));
        report("warm-up, webhooks", new LoadClient(Rig.address(rig.webhook())).run(
                new Plan(webhooks(pagerDuty, Math.max(1, n / 8), "PWARM"), WEBHOOK_CONNECTIONS, cap)));
        Benchmark.quiet(rig.store());
    }

    void commands(Benchmark.Sizes sizes) throws IOException, InterruptedException {
        for (int connections : sizes.levels()) {
            int n = Math.max(1, sizes.commandsPerLevel() / ROUNDS);
            PairedRounds.Rounds rounds = PairedRounds.run(ROUNDS,
                    round -> bare.run(new Plan(mix.requests(toBare, connections, n, Map.of(),
                            "b" + connections + "r" + round, null), connections, sizes.levelCap(), CommandMix.acked())),
                    round -> {
                        LoadResult m = mayday.run(new Plan(mix.requests(toMayday, connections, n,
                                rig.store().statuses(), "m" + connections + "r" + round, null), connections,
                                sizes.levelCap(), CommandMix.acked()));
                        report("Mayday commands, " + connections, m);
                        return m;
                    },
                    () -> Benchmark.quiet(rig.store()));
            LoadResult b = rounds.bare();
            LoadResult m = rounds.mayday();
            table.load(String.format(Locale.ROOT, "commands, bare, %d conn (n=%d)", connections, b.count()), b,
                    "baseline", null);
            table.load(String.format(Locale.ROOT, "commands, Mayday, %d conn (n=%d)", connections, m.count()), m,
                    "", null);
            List<Double> ratios = rounds.ratios(LoadResult::p99);
            table.add("commands ack p99 Mayday/bare, " + connections + " conn", PairedRounds.Rounds.describe(ratios),
                    "≤ 2× (median)", PairedRounds.median(ratios) <= 2 && m.errors() == 0);
        }
    }

    void events(Benchmark.Sizes sizes) throws IOException, InterruptedException {
        for (int connections : sizes.levels()) {
            int n = Math.max(1, sizes.events() / ROUNDS);
            String tag = "e" + connections;
            PairedRounds.Rounds rounds = PairedRounds.run(ROUNDS,
                    round -> bare.run(new Plan(messages(toBare, n, "b" + connections), connections,
                            sizes.ingestCap())),
                    round -> {
                        LoadResult m = mayday.run(new Plan(messages(toMayday, n, tag), connections, sizes.ingestCap()));
                        report("Mayday events, " + connections, m);
                        return m;
                    },
                    () -> Benchmark.quiet(rig.store()));
            LoadResult b = rounds.bare();
            LoadResult m = rounds.mayday();
            long stored = rig.store().count("SELECT COUNT(*) FROM timeline_events WHERE kind = 'MESSAGE'"
                    + " AND text LIKE 'bench-event-" + tag + "-%'");
            table.load(String.format(Locale.ROOT, "events, bare, %d conn (n=%d)", connections, b.count()), b,
                    "baseline", null);
            table.load(String.format(Locale.ROOT, "events, Mayday, %d conn (n=%d)", connections, m.count()), m,
                    "", null);
            List<Double> rates = rounds.ratios(LoadResult::perSecond);
            List<Double> p99s = rounds.ratios(LoadResult::p99);
            double rate = PairedRounds.median(rates);
            double p99 = PairedRounds.median(p99s);
            table.add("events Mayday/bare, " + connections + " conn: rate",
                    PairedRounds.Rounds.describe(rates), "≥ 0.6× (median)", rate >= 0.6 && m.errors() == 0);
            table.add("events Mayday/bare, " + connections + " conn: p99",
                    PairedRounds.Rounds.describe(p99s), "≤ 2× (median)", p99 <= 2 && m.errors() == 0);
            int ok = m.count() - m.errors();
            table.add("events, " + connections + " conn: answered 200 / stored", ok + " / " + stored, "every 200",
                    stored >= ok);
        }
    }

    /** Distinct messages into the incident channels, each a signed event_callback with its own event id. */
    private List<byte[]> messages(SlackRequests slack, int count, String tag) {
        List<byte[]> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = sequence++;
            String ts = String.format(Locale.ROOT, "%d.%06d", baseSecond + n / 1_000_000, n % 1_000_000);
            requests.add(slack.message("U0BENCH", rig.channels().get(n % rig.channels().size()), ts,
                    "bench-event-" + tag + "-" + n, String.format(Locale.ROOT, "Ev%S%08d", tag, n)));
        }
        return requests;
    }

    void webhooks(Benchmark.Sizes sizes, FakePagerDuty pagerDuty) throws IOException, InterruptedException {
        List<byte[]> requests = webhooks(pagerDuty, sizes.pagerDutyIncidents(), "PBENCH");
        int duplicates = requests.size() - 4 * sizes.pagerDutyIncidents();
        LoadResult r = new LoadClient(Rig.address(rig.webhook())).run(
                new Plan(requests, WEBHOOK_CONNECTIONS, sizes.ingestCap()));
        report("webhooks", r);
        Benchmark.quiet(rig.store());
        boolean complete = r.errors() == 0;
        table.load(String.format(Locale.ROOT, "PagerDuty webhooks, %d conn (n=%d)", WEBHOOK_CONNECTIONS, r.count()), r,
                "≥ 1,000/s", r.perSecond() >= 1_000 && complete);
        table.add("PagerDuty webhooks p99 (" + duplicates + " dup)", Table.ms(r.p99()), "≤ 50 ms",
                r.p99() <= 50 && complete);
    }

    /**
     * Each incident triggered, annotated, acknowledged and resolved (a quarter of the deliveries are triggers), and
     * every other incident one delivery again, as PagerDuty redelivers: to be acknowledged and ignored.
     */
    private List<byte[]> webhooks(FakePagerDuty pagerDuty, int incidents, String prefix) {
        WebhookDeliveries builder = new WebhookDeliveries(Benchmark.PD_SECRET, Clock.systemUTC());
        List<SignedWebhook> deliveries = new ArrayList<>();
        Random random = new Random(8);
        for (int k = 0; k < incidents; k++) {
            PdIncident incident = pagerDuty.addIncident(String.format(Locale.ROOT, "%s%05d", prefix, k), "Bench page " + k);
            deliveries.add(builder.triggered(incident));
            deliveries.add(builder.annotated(incident, "looking " + k));
            deliveries.add(builder.acknowledged(incident.withStatus("acknowledged")));
            deliveries.add(builder.resolved(incident.withStatus("resolved")));
            if (k % 2 == 1) {
                deliveries.add(deliveries.get(deliveries.size() - 1 - random.nextInt(Math.min(8, deliveries.size()))));
            }
        }
        String authority = rig.webhook().getHost() + ":" + rig.webhook().getPort();
        List<byte[]> requests = new ArrayList<>(deliveries.size());
        for (SignedWebhook delivery : deliveries) {
            requests.add(RequestBytes.post(authority, rig.webhook().getPath(), delivery.headers(), delivery.bytes()));
        }
        return requests;
    }

    /** The write mix with a declare in ten, at the lowest level, while every Slack call hangs for 10 s. */
    void outage(Benchmark.Sizes sizes) throws IOException {
        int connections = sizes.levels().get(0);
        rig.slack().outage(FakeAnswer.delayed(Duration.ofSeconds(10)));
        try {
            LoadResult m = mayday.run(new Plan(mix.requests(toMayday, connections, sizes.outageCommands(),
                    rig.store().statuses(), "o", rig.general()), connections, sizes.levelCap(), CommandMix.acked()));
            report("outage commands", m);
            table.load(String.format(Locale.ROOT, "commands, Slack hanging, %d conn (n=%d)", connections,
                    m.count()), m, "max ≤ 300 ms", m.max() <= 300 && m.errors() == 0);
        } finally {
            rig.slack().endOutage();
        }
    }

    /** A failed request is worth a line on stderr: the table says how many, this says why. */
    static void report(String what, LoadResult result) {
        if (result.errors() > 0) {
            System.err.printf(Locale.ROOT, "[bench] %s: %d of %d failed; the first: %s%n", what, result.errors(),
                    result.count(), result.firstFailure());
        }
    }
}
