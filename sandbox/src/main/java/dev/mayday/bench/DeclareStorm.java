package dev.mayday.bench;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeSlack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 11's storm: many distinct declarations at once while another process keeps one core busy, as on a machine
 * that is already struggling when the alerts fire. None may be refused, every ack must come within Slack's 3 s, and
 * every incident must get its channel.
 */
final class DeclareStorm {

    /** Slack's ack window. */
    private static final double ACK_LIMIT_MILLIS = 3_000;
    /** Longer than the storm and its outbox can take; the burner is stopped as soon as the storm ends anyway. */
    private static final int BURNER_SECONDS = 180;

    interface Rows {
        void add(String figure, String value, String target, Boolean met);
    }

    private final Benchmark.Storm storm;
    private final FakeSlack slack;
    private final URI mayday;
    private final String channel;
    private final StoreProbe store;

    DeclareStorm(Benchmark.Storm storm, FakeSlack slack, URI mayday, String channel, StoreProbe store) {
        this.storm = storm;
        this.slack = slack;
        this.mayday = mayday;
        this.channel = channel;
        this.store = store;
    }

    void run(Rows rows) throws InterruptedException {
        String run = "Storm " + Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger interim = new AtomicInteger();
        Load.Result result;
        Process burner = busyCore();
        try {
            result = Load.run(storm.clients(), storm.declares(), Duration.ofSeconds(120), () -> {
                SlackSimulator sim = new SlackSimulator(mayday, Benchmark.SECRET, slack::responseUrl);
                return i -> {
                    // a trigger of its own, as Slack makes one per invocation: the same trigger is the same declaration
                    SlackSimulator.SlackReply reply = sim.command("U0STORM", channel,
                            "declare sev" + (1 + i % 4) + " " + run + " " + i, run + "-trigger-" + i);
                    String text = reply.text();
                    if (reply.status() != 200 || text.contains(":x:")) {
                        refused.incrementAndGet();
                        return Benchmark.FAILED_REPLY;
                    }
                    if (text.contains("still saving")) {
                        interim.incrementAndGet();
                    }
                    return reply.status();
                };
            });
        } finally {
            stop(burner);
        }
        Benchmark.quiet(store);
        String ofThisRun = "FROM incidents WHERE title LIKE '" + run + " %'";
        long stored = store.count("SELECT COUNT(*) " + ofThisRun);
        long channels = store.count("SELECT COUNT(*) " + ofThisRun + " AND channel_id IS NOT NULL");
        String label = String.format(Locale.ROOT, "declare storm, %d distinct from %d clients, one core kept busy",
                storm.declares(), storm.clients());
        rows.add(label + ": refused", String.format(Locale.ROOT, "%d of %d (%d acked 'still saving', answered after)",
                refused.get(), result.count(), interim.get()), "0", refused.get() == 0 && result.count() == storm.declares());
        rows.add("declare storm ack p50/p99/max", Table.latency(result), "every ack < 3,000 ms",
                result.count() == storm.declares() && result.max() < ACK_LIMIT_MILLIS);
        rows.add("declare storm ack p99", String.format(Locale.ROOT, "%.0f ms", result.p99()), "≤ 1,000 ms (later issue)",
                result.p99() <= 1_000);
        rows.add("declare storm: incidents stored / channels set up", stored + " / " + channels,
                storm.declares() + " / " + storm.declares(), stored == storm.declares() && channels == storm.declares());
    }

    /** A shell spinning on one core, bounded by {@code timeout} should the benchmark die before stopping it. */
    private static Process busyCore() {
        try {
            return new ProcessBuilder("timeout", String.valueOf(BURNER_SECONDS), "sh", "-c", "while :; do :; done")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the process that keeps a core busy", e);
        }
    }

    private static void stop(Process burner) throws InterruptedException {
        burner.descendants().forEach(ProcessHandle::destroy);
        burner.destroy();
        if (!burner.waitFor(5, TimeUnit.SECONDS)) {
            burner.descendants().forEach(ProcessHandle::destroyForcibly);
            burner.destroyForcibly();
        }
    }
}
