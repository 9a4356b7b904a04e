package dev.mayday.bench;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The phases that drive a running server over HTTP: slash commands, Events API, PagerDuty webhooks, a Slack outage. */
final class TrafficPhases {

    private final Table table;

    TrafficPhases(Table table) {
        this.table = table;
    }

    /** Mayday's mix: 9 in 10 are notes in an incident channel (a timeline write), 1 in 10 declares (a new incident). */
    private static Load.Client maydayCommands(FakeSlack slack, URI uri, List<String> channels, String general) {
        SlackSimulator sim = new SlackSimulator(uri, Benchmark.SECRET, slack::responseUrl);
        return i -> {
            SlackSimulator.SlackReply reply = i % 10 == 9
                    ? sim.command("U0BENCH", general, "declare sev3 Load test " + i)
                    : sim.command("U0BENCH", channels.get(i % channels.size()), "note bench note " + i);
            // an ack that says ":x: … nothing was changed" is a failed command even though Slack sees a 200
            return reply.body() != null && reply.body().contains(":x:") ? Benchmark.FAILED_REPLY : reply.status();
        };
    }

    private static Load.Client bareCommands(FakeSlack slack, URI uri, List<String> channels) {
        SlackSimulator sim = new SlackSimulator(uri, Benchmark.SECRET, slack::responseUrl);
        return i -> sim.command("U0BENCH", channels.get(i % channels.size()), "note bench note " + i).status();
    }

    void commands(Benchmark.Sizes sizes, FakeSlack slack, URI mayday, URI bare, List<String> channels, String general) {
        Load.run(4, sizes.warmup(), sizes.levelCap(), () -> maydayCommands(slack, mayday, channels, general));
        Load.run(4, sizes.warmup(), sizes.levelCap(), () -> bareCommands(slack, bare, channels));
        for (int clients : new int[]{1, 16, 64}) {
            Load.Result b = Load.run(clients, sizes.commandsPerLevel(), sizes.levelCap(),
                    () -> bareCommands(slack, bare, channels));
            Load.Result m = Load.run(clients, sizes.commandsPerLevel(), sizes.levelCap(),
                    () -> maydayCommands(slack, mayday, channels, general));
            table.add("ack, bare Bolt app, " + clients + " clients", Table.latency(b), "baseline", null);
            table.add("ack, Mayday note/declare, " + clients + " clients", Table.latency(m),
                    clients == 1 ? "(no target at 1)" : "p99 ≤ 1.5× bare", null);
            if (clients > 1) {
                double ratio = m.p99() / b.p99();
                table.add("ack p99 ratio Mayday/bare, " + clients + " clients", String.format(Locale.ROOT, "%.2f×", ratio),
                        "≤ 1.5×", ratio <= 1.5 && m.errors() == 0);
            }
        }
    }

    void outage(Benchmark.Sizes sizes, FakeSlack slack, URI mayday, List<String> channels, String general) {
        slack.outage(FakeAnswer.delayed(Duration.ofSeconds(10)));
        try {
            Load.Result m = Load.run(16, sizes.outageCommands(), sizes.levelCap(),
                    () -> maydayCommands(slack, mayday, channels, general));
            table.add("ack while Slack hangs 10 s, Mayday, 16 clients", Table.latency(m), "p99 and max ≤ 300 ms",
                    m.max() <= 300 && m.errors() == 0);
        } finally {
            slack.endOutage();
        }
    }

    void events(Benchmark.Sizes sizes, StoreProbe store, FakeSlack slack, URI mayday, URI bare, List<String> channels) {
        Load.Result b = messageEvents(sizes, slack, bare, channels, "EvBARE");
        table.add("Events API, bare Bolt app (ack only), " + sizes.eventClients() + " clients", Table.rate(b) + "; "
                + Table.latency(b), "baseline", null);
        Load.Result r = messageEvents(sizes, slack, mayday, channels, "EvBENCH");
        int ok = r.count() - r.errors();
        long stored = store.count(
                "SELECT COUNT(*) FROM timeline_events WHERE kind = 'MESSAGE' AND text LIKE 'bench-event-%'");
        table.add("Events API ingest, " + sizes.eventClients() + " clients: events/s", Table.rate(r), "≥ 2,000/s",
                r.perSecond() >= 2_000 && r.errors() == 0);
        table.add("Events API ingest p50/p99/max", Table.latency(r), "p99 ≤ 50 ms", r.p99() <= 50 && r.errors() == 0);
        table.add("Events API: answered 200 / stored", ok + " / " + stored, "every 200 stored", stored >= ok);
    }

    /** Distinct messages into the incident channels, each a signed event_callback with its own event id. */
    private static Load.Result messageEvents(Benchmark.Sizes sizes, FakeSlack slack, URI uri, List<String> channels,
                                             String eventIdPrefix) {
        long baseSecond = Instant.now().getEpochSecond();
        return Load.run(sizes.eventClients(), sizes.events(), sizes.ingestCap(), () -> {
            SlackSimulator sim = new SlackSimulator(uri, Benchmark.SECRET, slack::responseUrl);
            return i -> {
                String ts = String.format(Locale.ROOT, "%d.%06d", baseSecond + i / 1_000_000, i % 1_000_000);
                return sim.deliver(sim.message("U0BENCH", channels.get(i % channels.size()), ts,
                        "bench-event-" + i), String.format(Locale.ROOT, "%s%08d", eventIdPrefix, i)).status();
            };
        });
    }

    void webhooks(Benchmark.Sizes sizes, FakePagerDuty pagerDuty, URI endpoint) {
        WebhookDeliveries builder = new WebhookDeliveries(Benchmark.PD_SECRET, Clock.systemUTC());
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
            WebhookDeliveries sender = new WebhookDeliveries(Benchmark.PD_SECRET, Clock.systemUTC());
            return i -> sender.send(endpoint, deliveries.get(i)).statusCode();
        });
        table.add(String.format(Locale.ROOT, "PagerDuty webhooks, %d clients (%d dup of %d): deliveries/s",
                        sizes.webhookClients(), duplicates, deliveries.size()), Table.rate(r), "≥ 1,000/s",
                r.perSecond() >= 1_000 && r.errors() == 0);
        table.add("PagerDuty webhooks p50/p99/max", Table.latency(r), "p99 ≤ 50 ms", r.p99() <= 50 && r.errors() == 0);
    }
}
